import { migration001 } from './001-journal-entries.ts';
import { migration002 } from './002-emotions-and-tags.ts';
import { migration003 } from './003-settings.ts';
import { migration004 } from './004-sessions.ts';
import { migration005 } from './005-search-prefix-index.ts';
import { migration006 } from './006-schedules.ts';
import { migration007 } from './007-signals.ts';
import { migration008 } from './008-signal-tests.ts';
import { migration009 } from './009-memories.ts';
import { migration010 } from './010-ladder.ts';
import { migration011 } from './011-media-and-barriers.ts';
import { migration012 } from './012-feelings.ts';
import { migration013 } from './013-imported-entries.ts';
import { migration014 } from './014-write-counter.ts';
import { migration015 } from './015-journal-by-date.ts';
import { migration016 } from './016-quick-notes-taken.ts';
import { migration017 } from './017-drop-redundant-entries-index.ts';
import { migration018 } from './018-feelings-by-time.ts';
import { migration019 } from './019-own-practices.ts';
import { migration020 } from './020-voice-notes.ts';
import { migration021 } from './021-drop-unused-feelings-index.ts';
import { migration022 } from './022-session-too-much.ts';
import type { Migration } from './types.ts';

/** Every migration, in order. Add a new numbered file and append it here. */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
  migration019,
  migration020,
  migration021,
  migration022,
];
export type { Migration };
