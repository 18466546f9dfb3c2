-- wrk script of ApiBenchmark: rotates the list endpoints, sends the bearer token, paces each connection.
local paths = { @PATHS@ }
local headers = { ["Authorization"] = "Bearer @TOKEN@" }
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], headers)
end

delay = function()
  return @DELAY@
end

done = function(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("api.embedded.wrk.requests: %d\n", summary.requests))
  io.write(string.format("api.embedded.wrk.requestsPerSecond: %.1f\n", summary.requests / seconds))
  io.write(string.format("api.embedded.wrk.latency.p50.ms: %.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("api.embedded.wrk.latency.p99.ms: %.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("api.embedded.wrk.latency.max.ms: %.2f\n", latency.max / 1000))
  io.write(string.format("api.embedded.wrk.errors: %d\n", e.connect + e.read + e.write + e.timeout + e.status))
end
