package dev.offhours.pulumi.spoke;

import com.pulumi.core.Output;
import dev.offhours.core.schedule.Account;
import dev.offhours.pulumi.hub.HubSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The arguments of {@link OffhoursSpoke}, checked by {@link Builder#build()}: the accounts (an {@code accounts.yaml}
 * read by the service's own reader, or accounts given one by one), the hub's two outputs and the ExternalId are
 * required; the rest has the default its builder method names.
 */
public final class OffhoursSpokeArgs {

    private final SpokeSettings settings;

    private OffhoursSpokeArgs(SpokeSettings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static OffhoursSpokeArgs of(SpokeSettings settings) {
        return new OffhoursSpokeArgs(settings);
    }

    public SpokeSettings settings() {
        return settings;
    }

    public static final class Builder {

        private final List<Account> accounts = new ArrayList<>();
        private String hubRoleArn;
        private String hubEventBusArn;
        private Output<String> externalId;
        private String spokeRoleName = HubSettings.DEFAULT_SPOKE_ROLE_NAME;
        private String bootstrapRoleName = SpokeSettings.DEFAULT_BOOTSTRAP_ROLE;
        private String prefix = "offhours-";
        private String trailMode = TrailSettings.EXISTING;
        private Optional<String> organizationTrailArn = Optional.empty();
        private int trailRetentionDays = 90;

        private Builder() {
        }

        /** The accounts of an {@code accounts.yaml}; every problem the service would report fails the build. */
        public Builder accountsYaml(String accountsYaml) {
            this.accounts.addAll(SpokeSettings.parseAccounts(accountsYaml));
            return this;
        }

        /** Accounts given directly (id, alias, regions, groups). */
        public Builder accounts(List<Account> accounts) {
            this.accounts.addAll(accounts);
            return this;
        }

        /** The hub component's {@code hubRoleArn} (required): the only principal the spoke roles trust. */
        public Builder hubRoleArn(String arn) {
            this.hubRoleArn = arn;
            return this;
        }

        /** The hub component's {@code hubEventBusArn} (required): where the rules forward. */
        public Builder hubEventBusArn(String arn) {
            this.hubEventBusArn = arn;
            return this;
        }

        /** The ExternalId the hub passes (required); a secret, e.g. {@code config.requireSecret("externalId")}. */
        public Builder externalId(Output<String> externalId) {
            this.externalId = externalId;
            return this;
        }

        /** The role the hub assumes. Default {@code offhours-spoke}; must equal the hub's. */
        public Builder spokeRoleName(String name) {
            this.spokeRoleName = name;
            return this;
        }

        /** The role assumed in each account to create the resources. Default {@code OrganizationAccountAccessRole}. */
        public Builder bootstrapRoleName(String name) {
            this.bootstrapRoleName = name;
            return this;
        }

        /** Prefix of resource names. Default {@code offhours-}. */
        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /** {@code existing} (default), {@code create} or {@code organization}; see {@link TrailSettings}. */
        public Builder trailMode(String mode) {
            this.trailMode = mode;
            return this;
        }

        /** The organization trail, with {@code trailMode organization}. */
        public Builder organizationTrailArn(String arn) {
            this.organizationTrailArn = Optional.of(arn);
            return this;
        }

        /** Days a created trail's bucket keeps log files. Default 90. */
        public Builder trailRetentionDays(int days) {
            this.trailRetentionDays = days;
            return this;
        }

        public OffhoursSpokeArgs build() {
            if (accounts.isEmpty()) {
                throw new IllegalArgumentException("no account to onboard: give accountsYaml or accounts");
            }
            if (externalId == null) {
                throw new IllegalArgumentException("externalId is required: the secret the spoke roles' trust"
                        + " requires (pulumi config set --secret externalId ...)");
            }
            return new OffhoursSpokeArgs(new SpokeSettings(accounts, require("hubRoleArn", hubRoleArn),
                    require("hubEventBusArn", hubEventBusArn), externalId, spokeRoleName, bootstrapRoleName, prefix,
                    new TrailSettings(trailMode, organizationTrailArn, trailRetentionDays)));
        }

        private static String require(String setting, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(setting + " is required: the hub stack's output " + setting
                        + " (`pulumi stack output " + setting + "` in the hub project)");
            }
            return value;
        }
    }
}
