/**
 * How hard order intake is working right now, as the delivery pacing reads it: how busy the
 * process was over the last half second (0–1: the event loop's utilisation, or the share intake
 * spent committing if larger) and how many orders its last batch carried (callers queueing
 * behind one another).
 */
export interface IntakeLoad {
  utilisation: number
  queued: number
}

export interface PacingOptions {
  /**
   * The share of wall time deliveries keep while intake is saturated, however saturated: their
   * floor. 1 never slows deliveries down.
   */
  minShare: number
  /** The share they grow to as the backlog's lag reaches `lagTargetMs`. */
  maxShare: number
  /** How far behind deliveries may fall (the oldest due message's wait) before they take `maxShare`. */
  lagTargetMs: number
  /** Intake counts as saturated from this utilisation … */
  saturatedAt: number
  /** … with at least this many orders in its last batch. */
  queuedAt: number
  /** The longest pause between two rounds. */
  maxPauseMs: number
}

export const defaultPacing: PacingOptions = {
  minShare: 0.25,
  maxShare: 0.6,
  lagTargetMs: 10_000,
  saturatedAt: 0.85,
  queuedAt: 8,
  maxPauseMs: 500,
}

/**
 * The pause before the next delivery round. Deliveries run back to back while intake has room to
 * spare: they keep up with what intake writes. Only when intake is saturated (it commits without
 * rest and callers queue) do they give way, and then by a duty cycle, not a fixed rate: a round
 * that took `roundMs` is followed by a pause that leaves deliveries their share of the time. The
 * share starts at `minShare` and grows with the lag of the backlog, so a peak that lasts delays
 * fulfilment requests by a bounded amount instead of starving them; once the peak passes the
 * backlog drains at full speed.
 */
export function pauseAfterRound(
  round: { roundMs: number; lagMs: number },
  intake: IntakeLoad,
  options: PacingOptions = defaultPacing,
): number {
  if (options.minShare >= 1) return 0
  const saturated = intake.utilisation >= options.saturatedAt && intake.queued >= options.queuedAt
  if (!saturated) return 0
  const pressure = Math.min(1, Math.max(0, round.lagMs) / options.lagTargetMs)
  const most = Math.max(options.minShare, options.maxShare)
  const share = options.minShare + (most - options.minShare) * pressure
  if (share >= 1) return 0
  return Math.min(options.maxPauseMs, Math.round((round.roundMs * (1 - share)) / share))
}
