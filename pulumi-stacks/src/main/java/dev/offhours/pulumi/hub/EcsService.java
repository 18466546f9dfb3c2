package dev.offhours.pulumi.hub;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.offhours.pulumi.Children;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hub service on ECS Fargate: cluster (or an existing one), log group, an execution role that may read only the
 * service's secrets and write only its log group, the tasks' security group (the application port only from the
 * given CIDRs and the load balancer; the admin port never), the task definition and the service. The task role is
 * the hub role, so the service has exactly the hub's permissions.
 */
public final class EcsService {

    public record Declared(Optional<Cluster> cluster, Output<String> clusterArn, LogGroup logs, Role executionRole,
                           RolePolicy executionPolicy, SecurityGroup tasks, TaskDefinition taskDefinition,
                           Service service, Optional<EcsLoadBalancer.Declared> loadBalancer) {
    }

    private EcsService() {
    }

    public static Declared declare(HubSettings hub, EcsServiceSettings service, HubRole.Identity identity,
                                   HubQueues.Queues queues, Resource parent) {
        String prefix = hub.prefix();
        Optional<Cluster> cluster = service.existingCluster().isPresent() ? Optional.empty()
                : Optional.of(new Cluster(prefix + "hub-cluster", ClusterArgs.builder()
                        .name(prefix + "hub")
                        .settings(ClusterSettingArgs.builder().name("containerInsights").value("enabled").build())
                        .build(), Children.of(parent)));
        Output<String> clusterArn = cluster.map(Cluster::arn)
                .orElseGet(() -> Output.of(service.existingCluster().orElseThrow()));
        LogGroup logs = new LogGroup(prefix + "hub-logs", LogGroupArgs.builder()
                .name("/ecs/" + prefix + "hub")
                .retentionInDays(service.logRetentionDays())
                .build(), Children.of(parent));
        Role executionRole = new Role(prefix + "hub-execution-role", RoleArgs.builder()
                .name(prefix + "hub-execution")
                .description("offhours hub tasks: pull the image, read the service's secrets, write its logs")
                .assumeRolePolicy(queues.work().arn().applyValue(EcsTaskPolicies::executionTrust))
                .build(), Children.of(parent));
        RolePolicy executionPolicy = new RolePolicy(prefix + "hub-execution-policy", RolePolicyArgs.builder()
                .name(prefix + "hub-execution")
                .role(executionRole.id())
                .policy(logs.arn().applyValue(arn -> EcsTaskPolicies.execution(service, arn)))
                .build(), Children.of(parent));
        Optional<EcsLoadBalancer.Declared> loadBalancer = service.loadBalancer()
                .map(lb -> EcsLoadBalancer.declare(prefix, service.vpcId(), lb, parent));
        SecurityGroup tasks = new SecurityGroup(prefix + "hub-tasks", SecurityGroupArgs.builder()
                .name(prefix + "hub-tasks")
                .description("offhours hub tasks: application port from allowed sources only; admin port closed")
                .vpcId(service.vpcId())
                .ingress(ingress(service, loadBalancer))
                .egress(egress(service))
                .build(), Children.of(parent));
        Output<ServiceConfigFile.Endpoints> endpoints = Output.tuple(queues.work().arn(), queues.work().url(),
                        queues.workDeadLetters().url(), queues.events().url(), queues.eventsDeadLetters().url())
                .applyValue(t -> new ServiceConfigFile.Endpoints(t.t1.split(":")[3], t.t2, t.t3, t.t4, t.t5));
        Output<String> containers = Output.tuple(endpoints, logs.name())
                .applyValue(t -> HubContainer.definitions(hub, service,
                        ServiceConfigFile.yaml(hub, service, t.t1), t.t1.region(), t.t2));
        TaskDefinition taskDefinition = new TaskDefinition(prefix + "hub-task", TaskDefinitionArgs.builder()
                .family(prefix + "hub")
                .requiresCompatibilities("FARGATE")
                .networkMode("awsvpc")
                .cpu(String.valueOf(service.cpu()))
                .memory(String.valueOf(service.memoryMb()))
                .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder()
                        .operatingSystemFamily("LINUX").cpuArchitecture("X86_64").build())
                .executionRoleArn(executionRole.arn())
                .taskRoleArn(identity.role().arn())
                .containerDefinitions(containers)
                .build(), Children.after(parent, executionPolicy));
        List<Output<String>> groups = new ArrayList<>();
        groups.add(tasks.id());
        service.securityGroupIds().forEach(id -> groups.add(Output.of(id)));
        ServiceArgs.Builder args = ServiceArgs.builder()
                .name(prefix + "hub")
                .cluster(clusterArn)
                .taskDefinition(taskDefinition.arn())
                .desiredCount(service.desiredCount())
                .launchType("FARGATE")
                // a replaced task starts before the old one stops; the hub's leases keep them from doubling work
                .deploymentMinimumHealthyPercent(100)
                .deploymentMaximumPercent(200)
                .enableExecuteCommand(false)
                .propagateTags("SERVICE")
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(service.subnetIds())
                        .securityGroups(Output.all(groups))
                        .assignPublicIp(false)
                        .build());
        loadBalancer.ifPresent(lb -> args.loadBalancers(ServiceLoadBalancerArgs.builder()
                .targetGroupArn(lb.targetGroup().arn())
                .containerName(HubContainer.NAME)
                .containerPort(EcsServiceSettings.APPLICATION_PORT)
                .build()));
        List<Resource> before = new ArrayList<>(List.of(identity.policy(), executionPolicy));
        loadBalancer.ifPresent(lb -> before.add(lb.listener()));
        Service ecsService = new Service(prefix + "hub-service", args.build(),
                Children.after(parent, before.toArray(Resource[]::new)));
        return new Declared(cluster, clusterArn, logs, executionRole, executionPolicy, tasks, taskDefinition,
                ecsService, loadBalancer);
    }

    /** HTTPS to AWS's APIs and the Git host; SSH too when the repository is reached over SSH. */
    private static List<SecurityGroupEgressArgs> egress(EcsServiceSettings service) {
        List<SecurityGroupEgressArgs> rules = new ArrayList<>(List.of(SecurityGroupEgressArgs.builder()
                .description("HTTPS: AWS APIs, the Git host").protocol("tcp").fromPort(443).toPort(443)
                .cidrBlocks("0.0.0.0/0").build()));
        String url = service.git().url();
        if (url.startsWith("ssh://") || url.matches("[^/:]+@[^:]+:.*")) {
            rules.add(SecurityGroupEgressArgs.builder().description("SSH: the Git host").protocol("tcp")
                    .fromPort(22).toPort(22).cidrBlocks("0.0.0.0/0").build());
        }
        return rules;
    }

    private static List<SecurityGroupIngressArgs> ingress(EcsServiceSettings service,
                                                          Optional<EcsLoadBalancer.Declared> loadBalancer) {
        List<SecurityGroupIngressArgs> rules = new ArrayList<>();
        for (int port : service.ingressPorts()) {
            if (!service.ingressCidrs().isEmpty()) {
                rules.add(SecurityGroupIngressArgs.builder().description("application port from allowed CIDRs")
                        .protocol("tcp").fromPort(port).toPort(port).cidrBlocks(service.ingressCidrs()).build());
            }
        }
        loadBalancer.ifPresent(lb -> rules.add(SecurityGroupIngressArgs.builder()
                .description("application port from the load balancer")
                .protocol("tcp").fromPort(EcsServiceSettings.APPLICATION_PORT).toPort(EcsServiceSettings.APPLICATION_PORT)
                .securityGroups(lb.securityGroup().id().applyValue(List::of)).build()));
        return rules;
    }
}
