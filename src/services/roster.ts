/** A colleague as Teams' roster knows them. `email` is their e-mail, else their UPN, lower-cased. */
export interface RosterMember {
  email: string;
  name: string | null;
}

/**
 * The port through which use cases ask Teams who someone is, without the SDK: implemented in `bot/`
 * for the turn being answered (the roster of its conversation, and of teams the bot is in).
 */
export interface Roster {
  /** The colleague with this e-mail or UPN in the current conversation or in one of `teamIds`; null when none has them. */
  findByEmail(email: string, teamIds: readonly string[]): Promise<RosterMember | null>;
}
