package dev.offhours.pulumi.spoke;

import java.util.Optional;

/**
 * Where the "AWS API Call via CloudTrail" events the spoke rules match come from. Without a trail that records
 * management write events in the account's regions, EKS node-group and Auto Scaling API changes never reach the
 * rules, and the hub's accounts view flags the account ({@code events: NONE}).
 *
 * @param mode                 {@code existing} (default: the account already has such a trail, e.g. from a landing
 *                             zone; nothing is created), {@code create} (a multi-region trail of management write
 *                             events and its bucket in every onboarded account) or {@code organization} (the
 *                             organization's trail covers every member account; nothing is created)
 * @param organizationTrailArn the organization trail's ARN, required with {@code organization}
 * @param retentionDays        {@code create}: days the bucket keeps log files (default 90)
 */
public record TrailSettings(String mode, Optional<String> organizationTrailArn, int retentionDays) {

    public static final String EXISTING = "existing";
    public static final String CREATE = "create";
    public static final String ORGANIZATION = "organization";

    public TrailSettings {
        if (!mode.equals(EXISTING) && !mode.equals(CREATE) && !mode.equals(ORGANIZATION)) {
            throw new IllegalArgumentException("trailMode must be existing (each account already has a trail of"
                    + " management write events), create (the stack creates one per account) or organization (an"
                    + " organization trail covers every account), not '" + mode + "'");
        }
        if (mode.equals(ORGANIZATION)) {
            String arn = organizationTrailArn.orElseThrow(() -> new IllegalArgumentException("trailMode organization"
                    + " needs organizationTrailArn: the organization trail's ARN, e.g."
                    + " arn:aws:cloudtrail:eu-central-1:111111111111:trail/org-trail (`aws cloudtrail describe-trails`"
                    + " in the management account shows it with IsOrganizationTrail true)"));
            if (!arn.matches("arn:aws[a-z-]*:cloudtrail:[a-z0-9-]+:\\d{12}:trail/.+")) {
                throw new IllegalArgumentException("organizationTrailArn must be a CloudTrail trail ARN"
                        + " (arn:aws:cloudtrail:<region>:<management account>:trail/<name>), not '" + arn + "'");
            }
        } else if (organizationTrailArn.isPresent()) {
            throw new IllegalArgumentException("organizationTrailArn is only read with trailMode organization;"
                    + " set trailMode organization or remove it");
        }
        if (retentionDays < 1 || retentionDays > 3650) {
            throw new IllegalArgumentException("trailRetentionDays must be between 1 and 3650, not " + retentionDays);
        }
    }

    public static TrailSettings existing() {
        return new TrailSettings(EXISTING, Optional.empty(), 90);
    }

    public boolean creates() {
        return mode.equals(CREATE);
    }
}
