/** An authority record: one person, every way the sources spell them. */
export interface Person {
  /** Stable across volumes: derived from the normalised name ("gorbachev-mikhail-s"). */
  id: string;
  /** Display form, given name first ("Mikhail S. Gorbachev"). */
  name: string;
  /** As the persons lists sort it ("Gorbachev, Mikhail S."). */
  sort_name: string;
  description?: string;
  aliases: string[];
  /** The identifiers the person has in each source (`frus1981-88v05#p_GMS_1`). */
  source_ids: string[];
}
