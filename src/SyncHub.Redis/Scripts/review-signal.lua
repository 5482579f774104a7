-- review-signal: records one app review under its signature and counts the reviews within the window
-- (review-count.lua's countReview, which RedisScripts joins in front). Returns what countReview does.
-- A review that becomes a ticket is recorded by create.lua instead, with the number it assigns; this script records
-- the others (a replay, a creation that went without the signal, a store call of its own).
--
-- KEYS (ReviewSignalScriptArgs.Keys):
--   1  seen        {prefix}reviews:{signature}:seen, member -> the review's instant
--   2  flag        {prefix}reviews:{signature}:frequent, the member whose review crossed the threshold
--
-- ARGV (ReviewSignalScriptArgs):
--   1  member      {ticketNumber}|{version}
--   2  at          the review's instant, unix ms
--   3  windowMs
--   4  threshold
--   5  most        the most entries returned
local seen = KEYS[1]
local flag = KEYS[2]
local member = ARGV[1]
local at = tonumber(ARGV[2])
local windowMs = tonumber(ARGV[3])
local threshold = tonumber(ARGV[4])
local most = tonumber(ARGV[5])

return countReview(seen, flag, member, at, windowMs, threshold, most)
