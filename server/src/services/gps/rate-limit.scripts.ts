// The Redis Lua script behind the GPS rate limit: it runs atomically, so servers sharing a Redis share each allowance.
//
// One hash per device and limit kind: `tokens` (left, fractional) and `at` (when they were counted, ms). Times are
// the app's clock, passed in, so tests can pin it; Redis's own expiry only collects buckets idle long enough to be
// full again, which is what a missing bucket means.

/**
 * KEYS: the device buckets. ARGV: now (ms), burst, refill per second, then the count wanted from each key.
 * Takes the wanted count from every key, or from none when any key has too few.
 * Returns one number per key: 0 when it has enough, else the seconds (at least 1) until the count it wants, capped
 * at the burst, will be there; the tokens were taken only when every number is 0.
 */
export const TAKE_TOKENS = `
local now, burst, rate = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local tokens, at, waits, short = {}, {}, {}, false
for i, key in ipairs(KEYS) do
  local f = redis.call('HMGET', key, 'tokens', 'at')
  local t, last = tonumber(f[1]), tonumber(f[2])
  if t == nil or last == nil then t, last = burst, now end
  t = math.min(burst, t + math.max(0, now - last) / 1000 * rate)
  -- A server whose clock lags must not move the bucket back: another server would then refill the same time twice.
  tokens[i], at[i] = t, math.max(now, last)
  local want = tonumber(ARGV[3 + i])
  if t < want then
    waits[i] = math.max(1, math.ceil((math.min(want, burst) - t) / rate))
    short = true
  else
    waits[i] = 0
  end
end
if not short then
  for i, key in ipairs(KEYS) do
    local left = tokens[i] - tonumber(ARGV[3 + i])
    redis.call('HSET', key, 'tokens', left, 'at', at[i])
    -- Kept until full again (plus a second's margin): a bucket dropped after that is the same as a new one.
    redis.call('PEXPIRE', key, math.ceil((burst - left) / rate * 1000) + 1000)
  end
end
return waits
`;
