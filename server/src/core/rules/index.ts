import type { Rule } from '../engine/rule';
import { datedFormulation } from './dated-formulation';
import { duplicateText } from './duplicate-text';
import { emptySection } from './empty-section';
import { enumerationSequence } from './enumeration-sequence';
import { fixedPhrase } from './fixed-phrase';
import { frontMatter } from './front-matter';
import { headingHierarchy } from './heading-hierarchy';
import { headingSequence } from './heading-sequence';
import { jurisdiction } from './jurisdiction';
import { length } from './length';
import { missingNumber } from './missing-number';
import { nameGap } from './name-gap';
import { numberFormat } from './number-format';
import { ordinalStyle } from './ordinal-style';
import { placeholder } from './placeholder';
import { punctuation } from './punctuation';
import { requiredSection } from './required-section';
import { sectionOrder } from './section-order';
import { signature } from './signature';
import { templateResidue } from './template-residue';
import { typo } from './typo';
import { yearConsistency } from './year-consistency';

export const RULES: readonly Rule[] = [
  placeholder,
  missingNumber,
  templateResidue,
  requiredSection,
  sectionOrder,
  emptySection,
  headingSequence,
  headingHierarchy,
  ordinalStyle,
  enumerationSequence,
  frontMatter,
  fixedPhrase,
  duplicateText,
  typo,
  punctuation,
  jurisdiction,
  numberFormat,
  yearConsistency,
  datedFormulation,
  nameGap,
  length,
  signature,
];
