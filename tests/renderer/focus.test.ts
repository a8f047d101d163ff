/**
 * The one focus helper: focus never falls to the page body when the focused control goes away,
 * and a roving group is one Tab stop that the arrow keys move through.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { keepFocusOnScreen, moveFocus } from '../../renderer/lib/focus.ts';
import { nextIndex, roving } from '../../renderer/lib/roving.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  document.body.innerHTML = '';
});

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('keepFocusOnScreen', () => {
  it('moves focus to a marked fallback nearby when the focused control is removed', async () => {
    page(`<main><h1 tabindex="-1">Page</h1><section id="s"><p>Saved</p><button id="add" data-focus-fallback>Add</button><form id="f"><button id="save">Save</button></form></section></main>`);
    cleanups.push(keepFocusOnScreen());
    document.getElementById('save')!.focus();
    document.getElementById('f')!.remove();
    await settle();
    expect(document.activeElement?.id).toBe('add');
  });

  it('falls back to the nearest surviving control, then to the page heading', async () => {
    page(`<main><h1 tabindex="-1" id="h">Page</h1><ul id="list"><li id="a"><button id="del-a">Delete A</button></li><li><button id="del-b">Delete B</button></li></ul></main>`);
    cleanups.push(keepFocusOnScreen());
    document.getElementById('del-a')!.focus();
    document.getElementById('a')!.remove();
    await settle();
    expect(document.activeElement?.id).toBe('del-b');

    document.getElementById('list')!.remove();
    await settle();
    expect(document.activeElement?.id).toBe('h');
  });

  it('leaves focus alone when the control is still there', async () => {
    page(`<main><h1 tabindex="-1" id="h">Page</h1><button id="b">B</button><p id="p">text</p></main>`);
    cleanups.push(keepFocusOnScreen());
    const b = document.getElementById('b')!;
    b.focus();
    document.getElementById('p')!.remove();
    await settle();
    expect(document.activeElement).toBe(b);
  });
});

describe('moveFocus', () => {
  it('focuses the first target that exists and is enabled', async () => {
    page(`<button id="off" disabled>Off</button><button id="on">On</button>`);
    expect(await moveFocus('missing', () => document.getElementById('off'), 'on')).toBe(true);
    expect(document.activeElement?.id).toBe('on');
    expect(await moveFocus(null, 'missing')).toBe(false);
  });
});

describe('roving', () => {
  it('gives a group one Tab stop and moves with the arrow keys, Home and End', async () => {
    const root = page(`<div id="g"><button>a</button><button>b</button><button>c</button></div>`);
    const group = document.getElementById('g')!;
    cleanups.push(roving()(group) as () => void);
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    buttons[0]!.focus();
    const key = (k: string) => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    key('ArrowRight');
    expect(document.activeElement).toBe(buttons[1]);
    expect(buttons.map((b) => b.tabIndex)).toEqual([-1, 0, -1]);
    key('End');
    expect(document.activeElement).toBe(buttons[2]);
    key('ArrowDown');
    expect(document.activeElement).toBe(buttons[0]);
    key('ArrowLeft');
    expect(document.activeElement).toBe(buttons[2]);

    // The chosen item goes (a search filtered it out): the group still has exactly one stop.
    buttons[2]!.remove();
    await settle();
    expect([...group.querySelectorAll('button')].map((b) => b.tabIndex)).toEqual([0, -1]);
  });

  it('tabs move only left and right', () => {
    expect(nextIndex('ArrowDown', 0, 3, true)).toBeNull();
    expect(nextIndex('ArrowRight', 2, 3, true)).toBe(0);
    expect(nextIndex('x', 0, 3)).toBeNull();
    expect(nextIndex('Home', 2, 0)).toBeNull();
  });
});

describe('keepFocusOnScreen, after the person moved focus away themselves', () => {
  it('does not pull focus back when a control they left is removed later', async () => {
    page(`<main><h1 tabindex="-1" id="h">Page</h1><ul><li id="a"><button id="del-a">Delete A</button></li><li><button id="del-b">B</button></li></ul></main>`);
    cleanups.push(keepFocusOnScreen());
    const a = document.getElementById('del-a')!;
    a.focus();
    a.blur(); // a click on empty space
    await settle();
    document.getElementById('a')!.remove();
    await settle();
    expect(document.activeElement).toBe(document.body);
  });
});

describe('keepFocusOnScreen, a control disabled while it waits', () => {
  it('gets focus back when enabled again, and its replacement gets it if it goes', async () => {
    page(`<main><h1 tabindex="-1" id="h">Page</h1><form id="f"><button id="save">Save</button></form><button id="add">Add</button></main>`);
    cleanups.push(keepFocusOnScreen());
    const save = document.getElementById('save') as HTMLButtonElement;
    save.focus();
    save.disabled = true;
    save.blur(); // what Chromium does to a focused control that becomes disabled
    await settle();
    save.disabled = false;
    await settle();
    expect(document.activeElement).toBe(save);

    save.disabled = true;
    save.blur();
    await settle();
    document.getElementById('f')!.remove();
    await settle();
    // The nearest surviving place's heading.
    expect(document.activeElement?.id).toBe('h');
  });
});
