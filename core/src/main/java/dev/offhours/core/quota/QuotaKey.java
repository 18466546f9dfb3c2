package dev.offhours.core.quota;

import java.util.Objects;

/** One vCPU quota of one account and region: an instance family class, On-Demand or Spot. */
public record QuotaKey(QuotaClass quotaClass, Purchase purchase) {

    public QuotaKey {
        Objects.requireNonNull(quotaClass, "quotaClass");
        Objects.requireNonNull(purchase, "purchase");
    }

    /** The Service Quotas code, null when the class has no quota of this purchase option. */
    public String code() {
        return quotaClass.code(purchase);
    }

    public String name() {
        return quotaClass.quotaName(purchase);
    }

    public String usageClass() {
        return quotaClass.usageClass(purchase);
    }
}
