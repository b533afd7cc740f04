// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTOR_COLOURS, type Actor } from '../../main/common/records';
import type { OpError } from '../../main/common/contract';
import { ActorCombobox } from './ActorCombobox';

const actor = (id: number, name: string, aliases: string[] = []): Actor => ({
  id,
  uid: `actor-${id}`,
  name,
  kind: 'group',
  aliases,
  formerUids: [],
  description: '',
  colour: ACTOR_COLOURS[0],
  tagCount: 0,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});
const AQIM = actor(1, 'AQIM', ['AQMI']);
const MNLA = actor(2, 'MNLA', ['Mouvement National de Libération de l’Azawad']);

/** Each pick waits until the test answers it, so the core's answers can come as late as the test likes. */
let picks: { actor: Actor; answer(problem: OpError | null): Promise<void> }[];
let root: Root;
let host: HTMLElement;

function show(): void {
  const onPick = (picked: Actor) =>
    new Promise<OpError | null>((resolve) => {
      picks.push({ actor: picked, answer: (problem) => act(async () => resolve(problem)) });
    });
  act(() => root.render(<ActorCombobox label="Actor" actors={[AQIM, MNLA]} onPick={onPick} />));
}

const field = () => host.querySelector<HTMLInputElement>('[role="combobox"]')!;
const options = () => [...host.querySelectorAll('[role="option"]')].map((option) => option.querySelector('.actor-option-name')?.textContent);

/** What a keyboard user does: the whole value changes as it would after typing it, then React hears the input. */
function type(text: string): void {
  act(() => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setValue.call(field(), text);
    field().dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function press(key: string): Promise<void> {
  await act(async () => {
    field().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

beforeEach(() => {
  // jsdom lays nothing out, so it has no scrolling to do.
  Element.prototype.scrollIntoView ??= () => {};
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  picks = [];
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  show();
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('the actor combobox when the core answers late', () => {
  it('clears the field once the pick is done, when the words picked are still there', async () => {
    type('aqim');
    await press('Enter');
    expect(picks.map((pick) => pick.actor.name)).toEqual(['AQIM']);
    await picks[0]!.answer(null);
    expect(field().value).toBe('');
    expect(field().getAttribute('aria-expanded')).toBe('false');
  });

  it('keeps the words typed after a pick when that pick’s answer comes back', async () => {
    type('aqim');
    await press('Enter');
    type('liberation de l');
    await picks[0]!.answer(null);
    expect(field().value).toBe('liberation de l');
    expect(field().getAttribute('aria-expanded')).toBe('true');
    expect(options()).toEqual(['MNLA']);
  });

  it('makes a second pick chosen while the first is still being answered, after the first', async () => {
    type('aqim');
    await press('Enter');
    type('mnl');
    await press('Enter');
    // One at a time, in the order chosen: the second waits for the first.
    expect(picks.map((pick) => pick.actor.name)).toEqual(['AQIM']);
    await picks[0]!.answer(null);
    expect(picks.map((pick) => pick.actor.name)).toEqual(['AQIM', 'MNLA']);
    expect(field().value).toBe('mnl');
    await picks[1]!.answer(null);
    expect(field().value).toBe('');
  });

  it('picks once when Enter is pressed again on a choice still being answered', async () => {
    type('aqim');
    await press('Enter');
    await press('Enter');
    await picks[0]!.answer(null);
    expect(picks.map((pick) => pick.actor.name)).toEqual(['AQIM']);
  });

  it('shows a late pick’s problem without taking away what was typed since', async () => {
    type('aqim');
    await press('Enter');
    type('mn');
    await picks[0]!.answer({ code: 'conflict', message: 'AQIM is already on this passage.' });
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('AQIM is already on this passage.');
    expect(field().value).toBe('mn');
  });

  it('drops picks still waiting their turn when the field goes away', async () => {
    type('aqim');
    await press('Enter');
    type('mnl');
    await press('Enter');
    const first = picks[0]!;
    act(() => root.render(null));
    await first.answer(null);
    expect(picks.map((pick) => pick.actor.name)).toEqual(['AQIM']);
  });
});
