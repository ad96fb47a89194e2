/**
 * A site rule as it may arrive from outside the store: in a message from the
 * library or the reader (Undo), or in a backup file. Every selector is held to
 * the stable grammar (selector.ts) and capped, so a hostile file or page cannot
 * store an nth-child chain, a selector that names every paragraph, or a
 * megabyte of CSS.
 */
import * as s from 'valibot';
import { MAX_REMOVALS } from './edit';
import { isRemovalStep, isStableSelector } from './selector';
import type { SiteRule } from './types';

/** A site key as siteOf writes it: a lower-case host name without `www.`, port or credentials. */
export const SiteKeySchema = s.pipe(
  s.string('bad site'),
  s.minLength(1, 'bad site'),
  s.maxLength(253, 'bad site'),
  s.check((value) => {
    try {
      const { hostname, port, username } = new URL(`http://${value}/`);
      return hostname === value && !port && !username && !value.startsWith('www.');
    } catch {
      return false;
    }
  }, 'bad site'),
);

const Time = s.pipe(s.number(), s.finite(), s.minValue(0), s.maxValue(8.64e15));

export const SiteRuleSchema = s.pipe(
  s.object({
    site: SiteKeySchema,
    article: s.nullable(s.pipe(s.string(), s.check(isStableSelector, 'the article selector is not a stable selector'))),
    remove: s.pipe(
      s.array(s.pipe(s.string(), s.check(isRemovalStep, 'a removal is not a stable selector'))),
      s.maxLength(MAX_REMOVALS, 'too many removals'),
    ),
    createdAt: Time,
    updatedAt: Time,
  }),
  s.check((rule) => rule.article !== null || rule.remove.length > 0, 'the rule does nothing'),
);

// The stored type is utils/site-rules/types.ts; this fails to compile if the two drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _ruleSchemaMatchesType: Same<s.InferOutput<typeof SiteRuleSchema>, SiteRule> = true;
void _ruleSchemaMatchesType;
