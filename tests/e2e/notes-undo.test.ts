import { describe, it } from 'vitest';
import { LAPTOP, PHONE, useHubAndBrowser, withContext } from './harness';
import { addNote, facilitatorAndPhone, waitForNotes } from './workshop-steps';

const env = useHubAndBrowser();

describe('Notes board, a facilitator on a laptop and a participant on a phone', () => {
  it('undo and redo take back only one\'s own change', () =>
    withContext(env.browser, LAPTOP, (laptopContext) => withContext(env.browser, PHONE, async (phoneContext) => {
      const { laptop, phone } = await facilitatorAndPhone(laptopContext, phoneContext, env.hub.url,
        { workshop: 'TWG alignment', board: 'Hopes for today', kind: 'Notes' });

      await addNote(phone, 'Clear next steps');
      await waitForNotes(laptop, ['Clear next steps']);
      await addNote(laptop, 'Shared indicators');
      await waitForNotes(phone, ['Clear next steps', 'Shared indicators']);

      // The laptop's note is the latest change in the room, yet the phone's Undo takes back the phone's own.
      await phone.getByRole('button', { name: 'Undo' }).click();
      await waitForNotes(laptop, ['Shared indicators']);
      await waitForNotes(phone, ['Shared indicators']);
      await phone.getByRole('button', { name: 'Redo' }).click();
      await waitForNotes(laptop, ['Clear next steps', 'Shared indicators']);
    })));
});
