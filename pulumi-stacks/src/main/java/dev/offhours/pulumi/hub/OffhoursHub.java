package dev.offhours.pulumi.hub;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The offhours hub as one Pulumi component: tables, queues, event bus, the hub role, alarms, and optionally the
 * Lambda worker, the service on ECS Fargate and the status API as a Lambda function behind an API Gateway HTTP API. Every resource is the component's child. A Pulumi Java program
 * uses it as
 *
 * <pre>{@code
 * OffhoursHub hub = new OffhoursHub("offhours", OffhoursHubArgs.builder()
 *         .organizationId("o-a1b2c3d4e5")
 *         .ecsService(EcsServiceArgs.builder().image(image).vpcId(vpc).subnetIds(subnets)
 *                 .gitUrl(url).externalIdSecret(externalIdArn).apiTokenSha256Secret(tokenArn).build())
 *         .build());
 * ctx.export("hubRoleArn", hub.hubRoleArn());
 * }</pre>
 */
public final class OffhoursHub extends ComponentResource {

    public static final String TYPE = "offhours:index:OffhoursHub";

    private final HubSettings settings;
    private final HubTables.Tables tables;
    private final HubQueues.Queues queues;
    private final HubEventBus.Bus bus;
    private final HubRole.Identity role;
    private final Optional<LambdaWorker.Worker> worker;
    private final Optional<EcsService.Declared> service;
    private final Optional<ApiFunction.Declared> apiFunction;
    private final HubAlarms.Alarms alarms;

    public OffhoursHub(String name, OffhoursHubArgs args) {
        this(name, args, ComponentResourceOptions.Empty);
    }

    public OffhoursHub(String name, OffhoursHubArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.settings = args.settings();
        this.tables = HubTables.declare(settings.prefix(), settings.tables(), settings.waveCapacity(), this);
        HubWaveCapacity.declare(settings, tables, this);
        this.queues = HubQueues.declare(settings, this);
        this.bus = HubEventBus.declare(settings, queues, this);
        this.role = HubRole.declare(settings, tables, queues, bus, this);
        this.worker = settings.lambda().map(lambda -> LambdaWorker.declare(settings, lambda, role, queues, this));
        this.service = settings.service().map(ecs -> EcsService.declare(settings, ecs, role, queues, this));
        this.apiFunction = settings.api().function().map(api -> ApiFunction.declare(settings, api, tables, this));
        this.alarms = HubAlarms.declare(settings, queues, worker, service, apiFunction, this);
        registerOutputs(outputs());
    }

    /**
     * The outputs: {@code hubRoleArn} and {@code hubEventBusArn} are the spoke component's inputs, the queue URLs
     * and table names what a service run elsewhere needs in its configuration.
     */
    public Map<String, Output<?>> outputs() {
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("hubRoleArn", hubRoleArn());
        outputs.put("hubEventBusArn", hubEventBusArn());
        outputs.put("spokeRoleName", Output.of(settings.spokeRoleName()));
        outputs.put("workQueueUrl", queues.work().url());
        outputs.put("workDeadLetterQueueUrl", queues.workDeadLetters().url());
        outputs.put("eventsQueueUrl", queues.events().url());
        outputs.put("eventsDeadLetterQueueUrl", queues.eventsDeadLetters().url());
        outputs.put("operationsTable", tables.operations().name());
        outputs.put("inventoryTable", tables.inventory().name());
        outputs.put("controlTable", tables.control().name());
        outputs.put("alarmTopicArn", alarms.topic().arn());
        worker.ifPresent(w -> outputs.put("workerFunctionName", w.function().name()));
        apiFunction.ifPresent(a -> {
            outputs.put("apiUrl", a.api().apiEndpoint());
            outputs.put("apiFunctionName", a.function().name());
        });
        service.ifPresent(s -> {
            outputs.put("serviceClusterArn", s.clusterArn());
            outputs.put("serviceName", s.service().name());
            outputs.put("serviceLogGroup", s.logs().name());
            boolean https = settings.service().flatMap(EcsServiceSettings::loadBalancer)
                    .flatMap(EcsServiceSettings.LoadBalancerSettings::certificateArn).isPresent();
            s.loadBalancer().ifPresent(lb -> outputs.put("serviceUrl", lb.loadBalancer().dnsName()
                    .applyValue(dns -> (https ? "https://" : "http://") + dns)));
        });
        return outputs;
    }

    public Output<String> hubRoleArn() {
        return role.role().arn();
    }

    public Output<String> hubEventBusArn() {
        return bus.bus().arn();
    }

    public HubSettings settings() {
        return settings;
    }

    public HubTables.Tables tables() {
        return tables;
    }

    public HubQueues.Queues queues() {
        return queues;
    }

    public HubEventBus.Bus bus() {
        return bus;
    }

    public HubRole.Identity role() {
        return role;
    }

    public Optional<LambdaWorker.Worker> worker() {
        return worker;
    }

    public Optional<EcsService.Declared> service() {
        return service;
    }

    /** The status API function and its HTTP API, when {@code apiMode} is {@code lambda}. */
    public Optional<ApiFunction.Declared> apiFunction() {
        return apiFunction;
    }

    public HubAlarms.Alarms alarms() {
        return alarms;
    }
}
