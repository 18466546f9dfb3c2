package dev.offhours.core.quota;

/**
 * One quota against the wave: the vCPUs it adds, the quota's value and the vCPUs in use (null when unread).
 */
public record QuotaNeed(QuotaKey key, double need, Double quota, Double usage) {

    /** vCPUs still free under the quota, null when the quota is unknown. */
    public Double headroom() {
        return quota == null ? null : Math.max(0, quota - (usage == null ? 0 : usage));
    }

    public boolean breached() {
        return headroom() != null && need > headroom();
    }

    /** What a person reads, e.g. {@code the wave adds 96 vCPUs to L-1216C47A (...) but 32 are free (quota 64, in use 32)}. */
    public String describe() {
        String what = key.code() + " (" + key.name() + ")";
        if (quota == null) {
            return "the wave adds " + fmt(need) + " vCPUs to " + what + ", whose value could not be read";
        }
        return "the wave adds " + fmt(need) + " vCPUs to " + what + (breached() ? " but only " : " and ")
                + fmt(headroom()) + " are free (quota " + fmt(quota) + ", in use " + fmt(usage == null ? 0 : usage) + ")";
    }

    static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
