package dev.offhours.reconciler;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.offhours.reconciler.api.ApiConfig;
import dev.offhours.reconciler.notify.NotificationsConfig;
import dev.offhours.reconciler.quota.QuotaConfig;
import dev.offhours.reconciler.config.AwsConfig;
import dev.offhours.reconciler.config.CheckedFields;
import dev.offhours.reconciler.config.FieldChecks;
import dev.offhours.reconciler.config.FieldProblem;
import dev.offhours.reconciler.config.UnsetVariables;
import dev.offhours.reconciler.config.ConvergenceConfig;
import dev.offhours.reconciler.config.StoreConfig;
import dev.offhours.reconciler.config.WorkersConfig;
import dev.offhours.reconciler.dispatch.DispatchConfig;
import dev.offhours.reconciler.events.EventsConfig;
import dev.offhours.reconciler.git.GitSourceConfig;
import dev.offhours.reconciler.inventory.DiscoveryConfig;
import dev.offhours.reconciler.transition.TransitionsConfig;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's configuration ({@code server config.yml}); every section is documented field by field in
 * {@code reconciler/config.example.yml}. Secrets come from environment variables ({@code ${OFFHOURS_GIT_TOKEN}});
 * the CLI commands {@code validate}, {@code describe} and {@code plan} need none of it.
 */
@CheckedFields
public class OffhoursConfiguration extends Configuration implements FieldChecks {

    @Valid
    @NotNull
    @JsonProperty
    private GitSourceConfig git;

    @Valid
    @NotNull
    @JsonProperty
    private TransitionsConfig transitions = new TransitionsConfig();

    @Valid
    @NotNull
    @JsonProperty
    private DispatchConfig dispatch = new DispatchConfig();

    @Valid
    @NotNull
    @JsonProperty
    private DiscoveryConfig discovery = new DiscoveryConfig();

    /** The event-driven inventory updater; optional and off by default. */
    @Valid
    @NotNull
    @JsonProperty
    private EventsConfig events = new EventsConfig();

    @Valid
    @NotNull
    @JsonProperty
    private WorkersConfig workers = new WorkersConfig();

    @Valid
    @NotNull
    @JsonProperty
    private AwsConfig aws = new AwsConfig();

    @Valid
    @NotNull
    @JsonProperty
    private StoreConfig store = new StoreConfig();

    /** When a schedule that has not converged counts as overdue; optional, with defaults. */
    @Valid
    @NotNull
    @JsonProperty
    private ConvergenceConfig convergence = new ConvergenceConfig();

    /** The alarms' metrics and the hub bus's events; optional and off by default. */
    @Valid
    @NotNull
    @JsonProperty
    private NotificationsConfig notifications = new NotificationsConfig();

    /** The vCPU quota pre-flight before each wake wave; optional and off by default. */
    @Valid
    @NotNull
    @JsonProperty
    private QuotaConfig quota = new QuotaConfig();

    /** The status API's bearer-token hashes; required, so a hub never serves its status unauthenticated. */
    @Valid
    @NotNull
    @JsonProperty
    private ApiConfig api = new ApiConfig();

    /** Environment-variable substitution is lenient: an unset variable would stay as {@code ${NAME}}. */
    @Override
    public List<FieldProblem> fieldProblems() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("git.token", git == null ? null : git.token().orElse(null));
        values.put("git.webhookSecret", git == null ? null : git.webhookSecret().orElse(null));
        values.put("aws.externalId", aws.externalId());
        values.put("dispatch.workQueueUrl", dispatch.workQueueUrl());
        values.put("workers.deadLetterQueueUrl", workers.deadLetterQueueUrl());
        values.put("events.queueUrl", events.queueUrl());
        values.put("events.deadLetterQueueUrl", events.deadLetterQueueUrl());
        List<String> tokens = api == null || api.tokenSha256() == null ? List.of() : api.tokenSha256();
        for (int i = 0; i < tokens.size(); i++) {
            values.put("api.tokenSha256[" + i + "]", tokens.get(i));
        }
        return UnsetVariables.in(values);
    }

    public GitSourceConfig git() {
        return git;
    }

    public TransitionsConfig transitions() {
        return transitions;
    }

    public DispatchConfig dispatch() {
        return dispatch;
    }

    public DiscoveryConfig discovery() {
        return discovery;
    }

    public EventsConfig events() {
        return events;
    }

    public WorkersConfig workers() {
        return workers;
    }

    public AwsConfig aws() {
        return aws;
    }

    public StoreConfig store() {
        return store;
    }

    public ConvergenceConfig convergence() {
        return convergence;
    }

    public ApiConfig api() {
        return api;
    }

    public QuotaConfig quota() {
        return quota;
    }

    public OffhoursConfiguration quota(QuotaConfig value) {
        this.quota = value;
        return this;
    }

    public NotificationsConfig notifications() {
        return notifications;
    }

    public OffhoursConfiguration notifications(NotificationsConfig value) {
        this.notifications = value;
        return this;
    }

    public OffhoursConfiguration git(GitSourceConfig value) {
        this.git = value;
        return this;
    }

    public OffhoursConfiguration api(ApiConfig value) {
        this.api = value;
        return this;
    }
}
