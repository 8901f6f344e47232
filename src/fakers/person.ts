import type { PickBuilder } from './locale-tables.js';
import { buildNameTables } from './person-names.js';

/** Pickers for person data: full names and their parts, and job titles. */
export const namePick: PickBuilder = (t) => t.get(buildNameTables).name;
export const firstNamePick: PickBuilder = (t) => t.get(buildNameTables).firstName;
export const lastNamePick: PickBuilder = (t) => t.get(buildNameTables).lastName;
export const middleNamePick: PickBuilder = (t) => t.get(buildNameTables).middleName;
export const prefixPick: PickBuilder = (t) => t.get(buildNameTables).prefix;
export const suffixPick: PickBuilder = (t) => t.get(buildNameTables).suffix;
export const jobTitlePick: PickBuilder = (t) => t.choice('person.job_title_pattern');
