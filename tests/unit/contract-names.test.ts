import { describe, expect, it } from 'vitest';
import { contract, events } from '../../preload/contract/index.ts';
import { eventNames, isEventName, isMethodName, methodNames } from '../../preload/contract/names.ts';

/** The plain name lists the preload uses stand for exactly the contract (typecheck says so too). */
describe('the contract’s names without its schemas', () => {
  it('lists every method and event of the contract, once, and nothing else', () => {
    expect([...methodNames].sort()).toEqual(Object.keys(contract).sort());
    expect([...eventNames].sort()).toEqual(Object.keys(events).sort());
    expect(new Set(methodNames).size).toBe(methodNames.length);
  });

  it('knows a name from anything else', () => {
    expect(isMethodName('vault.unlock')).toBe(true);
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
    expect(isEventName('vault.locked')).toBe(true);
    expect(isEventName('vault.unlock')).toBe(false);
    expect(isEventName(7)).toBe(false);
  });
});
