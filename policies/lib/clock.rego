# Ages of the RFC 3339 times collectors record (when a secret was last
# used, a certificate ends ...), in whole days from the evaluation's clock.
package vigil.lib.clock

# days_since is the whole days from ts to now (negative for a future ts).
days_since(ts) := floor((time.now_ns() - time.parse_rfc3339_ns(ts)) / (((24 * 60) * 60) * 1000000000))
