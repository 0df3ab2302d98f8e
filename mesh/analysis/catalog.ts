/** The catalog of checks, for documentation and the UI. */

import { CHECK_FAMILIES } from './families';
import type { AnalysisCheck } from './types';

export const ANALYSIS_CHECKS: readonly AnalysisCheck[] = CHECK_FAMILIES.flatMap((f) => f.checks).sort((a, b) => a.code.localeCompare(b.code));
