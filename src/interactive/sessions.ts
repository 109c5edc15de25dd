// The live sessions of a client folder, for the checklist: the same reading as `diagnose`
// (ingest → metrics), stopped before the diagnosis, plus the profile diagnose would use, so the
// checklist can say which items the session's own figures already judge.

import { loadProfile } from '../diagnosis/profiles.js';
import { stageItemRule } from '../diagnosis/stage-items/index.js';
import type { ItemAnswers, Profile, StageItemKey, StageItemVerdict } from '../diagnosis/types.js';
import { loadBrand } from '../ingest/index.js';
import type { SessionMetrics } from '../metrics/types.js';
import { measureFolder, type MeasureOptions } from '../pipeline.js';

export interface SessionReadOptions extends MeasureOptions {
  /** --profile; brand.json's profile or category otherwise, as in diagnose. */
  profile?: string | null;
}

export interface FolderSessions {
  sessions: SessionMetrics[];
  profile: Profile;
}

export async function readFolderSessions(options: SessionReadOptions): Promise<FolderSessions> {
  const brand = await loadBrand(options.dir);
  const { metrics } = await measureFolder(options, brand);
  const profile = await loadProfile(options.profile ?? null, brand.profile, brand.category);
  return { sessions: metrics.sessionList, profile };
}

/** An item's verdict for one session, from its figures and the answers given (null: none). */
export type ItemJudge = (liveId: string, item: StageItemKey, answers: ItemAnswers | null) => StageItemVerdict | null;

/** The judge the diagnosis itself applies, so what the checklist says is what the report will show. */
export function sessionJudge({ sessions, profile }: FolderSessions): ItemJudge {
  const byId = new Map(sessions.map((session) => [session.liveId, session]));
  return (liveId, item, answers) => {
    const session = byId.get(liveId);
    return session === undefined ? null : stageItemRule(item).assess(session, answers, profile);
  };
}
