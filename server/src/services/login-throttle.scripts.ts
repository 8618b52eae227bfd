// The Redis Lua scripts behind the login throttle: each runs atomically, so parallel attempts cannot slip past a limit.
//
// One hash per scope (an account, a client address, everything): `start` (the counting window's start, ms),
// `failed` (failures in that window), `inflight` and `busyAt` (attempts counted but not yet settled, and when the
// last one began), `lockedUntil` (ms) and `strikes` (lockouts so far, for the backoff). Times are the app's clock,
// passed in, so tests can pin it; Redis's own expiry only collects idle hashes.

/**
 * KEYS: the scope hashes. ARGV: now, window ms, in-flight lifetime ms, hash lifetime ms, then one limit per key.
 * Returns {1, 0, 0} when the attempt is counted and may be checked, else {0, index of the refusing key (1-based),
 * ms until its lockout ends, or -1 when it is only full of attempts still in flight}.
 */
export const BEGIN_ATTEMPT = `
local now, window, inflightLife, life = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local lockedBy, wait = 0, 0
for i, key in ipairs(KEYS) do
  local lockedUntil = tonumber(redis.call('HGET', key, 'lockedUntil') or '0')
  if lockedUntil - now > wait then lockedBy, wait = i, lockedUntil - now end
end
if lockedBy > 0 then return {0, lockedBy, wait} end
local states = {}
for i, key in ipairs(KEYS) do
  local f = redis.call('HMGET', key, 'start', 'failed', 'inflight', 'busyAt')
  local start, failed, inflight, busyAt = tonumber(f[1]), tonumber(f[2]) or 0, tonumber(f[3]) or 0, tonumber(f[4]) or 0
  if start == nil or now - start >= window or now < start then start, failed = now, 0 end
  -- A count left by a server that stopped in mid-check must not hold the slot for ever.
  if now - busyAt >= inflightLife or now < busyAt then inflight = 0 end
  -- Attempts still being checked may all fail: admitting one more could exceed the limit.
  if failed + inflight >= tonumber(ARGV[4 + i]) then return {0, i, -1} end
  states[i] = {start, failed, inflight}
end
for i, key in ipairs(KEYS) do
  local s = states[i]
  redis.call('HSET', key, 'start', s[1], 'failed', s[2], 'inflight', s[3] + 1, 'busyAt', now)
  redis.call('PEXPIRE', key, life)
end
return {1, 0, 0}
`;

/**
 * KEYS: the same scope hashes. ARGV: now, outcome ('failed' | 'succeeded' | 'aborted'), first lockout ms, longest
 * lockout ms, then one limit per key. A success clears the failures of the first key (the account) only: the
 * address and global counts keep an attacker's failures however often someone else signs in.
 * Returns {index of the key whose lockout is longest (0 when none began), its length in ms}.
 */
export const SETTLE_ATTEMPT = `
local now, outcome, base, cap = tonumber(ARGV[1]), ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local lockedBy, lockMs = 0, 0
for i, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then
    local f = redis.call('HMGET', key, 'inflight', 'failed', 'strikes', 'lockedUntil')
    local failed = tonumber(f[2]) or 0
    redis.call('HSET', key, 'inflight', math.max((tonumber(f[1]) or 0) - 1, 0))
    if outcome == 'failed' then
      failed = failed + 1
      if failed >= tonumber(ARGV[4 + i]) then
        local strikes, lastUntil = tonumber(f[3]) or 0, tonumber(f[4]) or 0
        -- The backoff is forgiven once a whole longest lockout has passed without a new one.
        if now - lastUntil > cap then strikes = 0 end
        local ms = math.min(base * 2 ^ strikes, cap)
        redis.call('HSET', key, 'failed', 0, 'strikes', strikes + 1, 'lockedUntil', now + ms)
        if ms > lockMs then lockedBy, lockMs = i, ms end
      else
        redis.call('HSET', key, 'failed', failed)
      end
    elseif outcome == 'succeeded' and i == 1 then
      redis.call('HSET', key, 'failed', 0)
    end
  end
end
return {lockedBy, lockMs}
`;
