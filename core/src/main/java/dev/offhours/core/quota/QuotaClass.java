package dev.offhours.core.quota;

import java.util.Locale;

/**
 * The EC2 instance family classes that share one running-instances vCPU quota, with the Service Quotas codes of
 * their On-Demand and Spot quotas and the {@code Class} dimension of their {@code AWS/Usage} metrics.
 */
public enum QuotaClass {
    STANDARD("Standard (A, C, D, H, I, M, R, T, Z)", "L-1216C47A", "L-34B43A08", "Standard"),
    F("F", "L-74FC7D96", "L-88CF9481", "F"),
    G("G and VT", "L-DB2E81BA", "L-3819A6DF", "G"),
    INF("Inf", "L-1945791B", "L-B5D1601B", "Inf"),
    P("P", "L-417A185B", "L-7212CCBC", "P"),
    X("X", "L-7295265B", "L-E3A00192", "X"),
    DL("DL", "L-6E869C2A", "L-85EED4F7", "DL"),
    TRN("Trn", "L-2C3B7624", "L-6B0D517C", "Trn"),
    HIGH_MEMORY("High Memory", "L-43DA4232", null, "HighMem");

    private final String families;
    private final String onDemandCode;
    private final String spotCode;
    private final String usageClass;

    QuotaClass(String families, String onDemandCode, String spotCode, String usageClass) {
        this.families = families;
        this.onDemandCode = onDemandCode;
        this.spotCode = spotCode;
        this.usageClass = usageClass;
    }

    /** The class whose quota an instance type counts against, e.g. {@code g5.xlarge} and {@code vt1.3xlarge}: G. */
    public static QuotaClass of(String instanceType) {
        String type = instanceType.toLowerCase(Locale.ROOT);
        if (type.startsWith("u-") || type.startsWith("u7")) {
            return HIGH_MEMORY;
        }
        String family = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
        String letters = family.replaceAll("[0-9].*$", "");
        return switch (letters) {
            case "f" -> F;
            case "g", "vt" -> G;
            case "inf" -> INF;
            case "p" -> P;
            case "x" -> X;
            case "dl" -> DL;
            case "trn" -> TRN;
            default -> STANDARD;
        };
    }

    /** The quota's name as the Service Quotas console shows it. */
    public String quotaName(Purchase purchase) {
        return purchase == Purchase.SPOT ? "All " + families + " Spot Instance Requests"
                : "Running On-Demand " + families + " instances";
    }

    /** The Service Quotas code (service {@code ec2}), null when the class has no such quota. */
    public String code(Purchase purchase) {
        return purchase == Purchase.SPOT ? spotCode : onDemandCode;
    }

    /** The {@code Class} dimension of the vCPU {@code ResourceCount} metric in {@code AWS/Usage}. */
    public String usageClass(Purchase purchase) {
        return usageClass + (purchase == Purchase.SPOT ? "/Spot" : "/OnDemand");
    }
}
