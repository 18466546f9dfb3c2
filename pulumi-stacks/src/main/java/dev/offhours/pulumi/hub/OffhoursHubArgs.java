package dev.offhours.pulumi.hub;

import dev.offhours.pulumi.StackConfig;
import dev.offhours.store.dynamodb.HubTableDefinitions.TableNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The arguments of {@link OffhoursHub}: a builder whose {@link Builder#build()} checks everything and names the
 * setting at fault, so a wrong value fails {@code pulumi preview} before anything is created. Defaults are on each
 * builder method. The same settings, under the same names, are the hub program's stack configuration
 * ({@link #fromConfig}).
 */
public final class OffhoursHubArgs {

    private final HubSettings settings;

    private OffhoursHubArgs(HubSettings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Arguments from already checked settings. */
    public static OffhoursHubArgs of(HubSettings settings) {
        return new OffhoursHubArgs(settings);
    }

    public HubSettings settings() {
        return settings;
    }

    /** The hub program's stack configuration ({@code offhours-hub:<key>}), read through the same builder. */
    public static OffhoursHubArgs fromConfig(StackConfig config) {
        String prefix = config.text("prefix", Builder.DEFAULT_PREFIX);
        Builder builder = builder()
                .prefix(prefix)
                .tableNames(new TableNames(config.text("operationsTable", prefix + "operations"),
                        config.text("inventoryTable", prefix + "inventory"),
                        config.text("controlTable", prefix + "control")))
                .spokeRoleName(config.text("spokeRoleName", HubSettings.DEFAULT_SPOKE_ROLE_NAME))
                .spokeAccountIds(config.list("spokeAccountIds"))
                .workQueueVisibilityTimeoutSeconds(config.integer("workQueueVisibilityTimeoutSeconds", 900, 0, 43_200))
                .workQueueMaxReceiveCount(config.integer("workQueueMaxReceiveCount", 5, 1, 1000))
                .eventsQueueMaxReceiveCount(config.integer("eventsQueueMaxReceiveCount", 5, 1, 1000))
                .failedOperationsThreshold(config.integer("failedOperationsThreshold", 0, 0, 1_000_000));
        config.get("organizationId").ifPresent(builder::organizationId);
        config.get("alarmEmail").ifPresent(builder::alarmEmail);
        HubSettings.lambda(config).ifPresent(builder::lambdaWorker);
        Optional<EcsServiceSettings> service = EcsServiceArgs.fromConfig(config);
        service.ifPresent(builder::ecsService);
        builder.api(ApiFunctionSettings.fromConfig(config, service.isPresent()));
        HubSettings.provisionedCapacity(config).ifPresent(builder::waveCapacity);
        return builder.build();
    }

    /** Every setting of the hub; {@link #build()} checks them together. */
    public static final class Builder {

        public static final String DEFAULT_PREFIX = "offhours-";

        private String prefix = DEFAULT_PREFIX;
        private TableNames tables;
        private String spokeRoleName = HubSettings.DEFAULT_SPOKE_ROLE_NAME;
        private Optional<String> organizationId = Optional.empty();
        private final List<String> spokeAccountIds = new ArrayList<>();
        private int workQueueVisibilitySeconds = 900;
        private int workMaxReceiveCount = 5;
        private int eventsMaxReceiveCount = 5;
        private Optional<HubSettings.LambdaWorkerSettings> lambda = Optional.empty();
        private Optional<String> alarmEmail = Optional.empty();
        private int failedOperationsThreshold = 0;
        private Optional<EcsServiceSettings> service = Optional.empty();
        private Optional<HubSettings.WaveCapacity> waveCapacity = Optional.empty();
        private ApiFunctionSettings api;

        private Builder() {
        }

        /** Prefix of every resource name, so several hubs can share an account. Default {@code offhours-}. */
        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /** DynamoDB table names. Default {@code <prefix>operations}, {@code <prefix>inventory}, {@code <prefix>control}. */
        public Builder tableNames(TableNames tables) {
            this.tables = tables;
            return this;
        }

        /** The role the hub assumes in every spoke account. Default {@code offhours-spoke}. */
        public Builder spokeRoleName(String spokeRoleName) {
            this.spokeRoleName = spokeRoleName;
            return this;
        }

        /** The AWS Organization whose accounts may put events on the hub bus. Exactly one of this or
         * {@link #spokeAccountIds}. */
        public Builder organizationId(String organizationId) {
            this.organizationId = Optional.of(organizationId);
            return this;
        }

        /** Explicit 12-digit accounts allowed on the hub bus, when there is no organization. */
        public Builder spokeAccountIds(List<String> ids) {
            this.spokeAccountIds.addAll(ids);
            return this;
        }

        /** Visibility timeout of the work queue, 0..43200 s. Default 900; at least six times the Lambda timeout. */
        public Builder workQueueVisibilityTimeoutSeconds(int seconds) {
            this.workQueueVisibilitySeconds = seconds;
            return this;
        }

        /** Receives before a work item is dead-lettered, 1..1000. Default 5. */
        public Builder workQueueMaxReceiveCount(int count) {
            this.workMaxReceiveCount = count;
            return this;
        }

        /** Receives before a spoke event is dead-lettered, 1..1000. Default 5. */
        public Builder eventsQueueMaxReceiveCount(int count) {
            this.eventsMaxReceiveCount = count;
            return this;
        }

        /** The Lambda worker behind the work queue. Default none: the service's worker pool consumes it. */
        public Builder lambdaWorker(HubSettings.LambdaWorkerSettings lambda) {
            this.lambda = Optional.of(lambda);
            return this;
        }

        /** An address subscribed to the alarm topic. Default none. */
        public Builder alarmEmail(String email) {
            this.alarmEmail = Optional.of(email);
            return this;
        }

        /** Failed operations per 5 minutes above which the alarm fires. Default 0. */
        public Builder failedOperationsThreshold(int threshold) {
            this.failedOperationsThreshold = threshold;
            return this;
        }

        /** The hub service on ECS Fargate ({@link EcsServiceArgs}). Default none: only the data plane. */
        public Builder ecsService(EcsServiceSettings service) {
            this.service = Optional.of(service);
            return this;
        }

        /**
         * Provisioned DynamoDB capacity raised before each wave and lowered after it. Default none: on-demand, which
         * costs less below about 50,000 targets ({@code cost-model}).
         */
        public Builder waveCapacity(HubSettings.WaveCapacity capacity) {
            this.waveCapacity = Optional.of(capacity);
            return this;
        }

        /**
         * Where the status API runs: {@link ApiFunctionSettings#lambda} (a function behind an API Gateway HTTP API),
         * {@link ApiFunctionSettings#ECS} or {@link ApiFunctionSettings#NONE}. Default: in the ECS service when
         * there is one, else none.
         */
        public Builder api(ApiFunctionSettings api) {
            this.api = api;
            return this;
        }

        public OffhoursHubArgs build() {
            if (prefix == null || !prefix.matches("[a-z0-9-]{0,20}")) {
                throw new IllegalArgumentException("prefix must be at most 20 lower-case letters, digits or dashes,"
                        + " not '" + prefix + "'");
            }
            TableNames names = tables != null ? tables
                    : new TableNames(prefix + "operations", prefix + "inventory", prefix + "control");
            return new OffhoursHubArgs(new HubSettings(prefix, names, spokeRoleName, organizationId, spokeAccountIds,
                    workQueueVisibilitySeconds, workMaxReceiveCount, eventsMaxReceiveCount, lambda, alarmEmail,
                    failedOperationsThreshold, service, waveCapacity, api != null ? api
                    : service.isPresent() ? ApiFunctionSettings.ECS : ApiFunctionSettings.NONE));
        }
    }
}
