import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bootApp, PASSPHRASE, type Booted } from './boot.ts';

/** The therapy summary's PDF and print, through main/app and the fake Electron (issue 14 §3). */
describe('summary: printing the window', () => {
  let app: Booted;
  let out: string;
  beforeEach(async () => {
    app = await bootApp();
    out = mkdtempSync(join(tmpdir(), 'saltwater-summary-'));
    expect(await app.call('vault.create', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
  });
  afterEach(() => {
    app.dispose();
    rmSync(out, { recursive: true, force: true });
  });

  it('prints the window to a PDF, then saves it where the person chose', async () => {
    const target = join(out, 'for Thursday.pdf');
    app.fake.dialogAnswers.push(target);
    expect(await app.call('summary.savePdf', { understood: true })).toEqual({ ok: true, value: { outcome: 'saved', where: target } });
    expect(readFileSync(target, 'latin1').startsWith('%PDF-')).toBe(true);
    // No header or footer (Chromium's would print the page's address), backgrounds kept, a paper size chosen.
    expect(app.win.webContents.printed).toEqual([{ to: 'pdf', options: expect.objectContaining({ displayHeaderFooter: false, pageSize: expect.stringMatching(/^(A4|Letter)$/) }) }]);
    // Nothing else left beside it.
    expect(readdirSync(out)).toEqual(['for Thursday.pdf']);
  });

  it('adds .pdf when the dialog gave a bare name', async () => {
    app.fake.dialogAnswers.push(join(out, 'summary'));
    expect(await app.call('summary.savePdf', { understood: true })).toMatchObject({ ok: true, value: { outcome: 'saved', where: join(out, 'summary.pdf') } });
    expect(existsSync(join(out, 'summary.pdf'))).toBe(true);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    app.fake.dialogAnswers.push(null);
    expect(await app.call('summary.savePdf', { understood: true })).toEqual({ ok: true, value: { outcome: 'cancelled' } });
    expect(readdirSync(out)).toEqual([]);
  });

  it('says plainly when the file cannot be written, and leaves nothing partial', async () => {
    app.fake.dialogAnswers.push(join(out, 'gone', 'summary.pdf'));
    const result = (await app.call('summary.savePdf', { understood: true })) as { ok: boolean; error?: { code: string; message: string } };
    expect(result).toMatchObject({ ok: false, error: { code: 'FILE_PROBLEM' } });
    expect(result.error?.message).toMatch(/couldn't save the summary/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('asks nothing and writes nothing when the page cannot be printed', async () => {
    app.win.webContents.pdfFails = true;
    app.fake.dialogAnswers.push(join(out, 'summary.pdf'));
    expect(await app.call('summary.savePdf', { understood: true })).toMatchObject({ ok: false, error: { code: 'FILE_PROBLEM' } });
    expect(app.fake.dialogAnswers).toHaveLength(1);
    expect(readdirSync(out)).toEqual([]);
  });

  it('needs the confirmation that the file is not encrypted', async () => {
    expect(await app.call('summary.savePdf', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(app.win.webContents.printed).toEqual([]);
  });

  it("opens the print dialog and reports the person's answer", async () => {
    expect(await app.call('summary.print')).toEqual({ ok: true, value: { outcome: 'printed' } });
    app.win.webContents.printAnswer = 'cancelled';
    expect(await app.call('summary.print')).toEqual({ ok: true, value: { outcome: 'cancelled' } });
    app.win.webContents.printAnswer = 'failed';
    expect(await app.call('summary.print')).toMatchObject({ ok: false, error: { code: 'FILE_PROBLEM' } });
    expect(app.win.webContents.printed.map((p) => p.to)).toEqual(['printer', 'printer', 'printer']);
    expect(app.win.webContents.printed[0]?.options).toMatchObject({ silent: false });
  });

  it('prints nothing while locked', async () => {
    expect(await app.call('vault.lock')).toMatchObject({ ok: true });
    expect(await app.call('summary.print')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await app.call('summary.savePdf', { understood: true })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(app.win.webContents.printed).toEqual([]);
  });
});
