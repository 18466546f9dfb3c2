package dev.offhours.pulumi.hub;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.resources.Resource;
import dev.offhours.pulumi.Children;

/**
 * An application load balancer in front of the application port (status API, dashboard, GitHub webhook): one
 * listener, one target group of the tasks' IPs. The admin port is never a target. The target group's health check
 * asks {@code /v1/openapi.yaml}, the one path of the application port served without a token.
 */
public final class EcsLoadBalancer {

    public static final String HEALTH_CHECK_PATH = "/v1/openapi.yaml";
    /** TLS 1.2 or 1.3 only. */
    public static final String TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    public record Declared(LoadBalancer loadBalancer, SecurityGroup securityGroup, TargetGroup targetGroup,
                           Listener listener) {
    }

    private EcsLoadBalancer() {
    }

    static Declared declare(String prefix, String vpcId, EcsServiceSettings.LoadBalancerSettings settings,
                            Resource parent) {
        int port = settings.listenerPort();
        SecurityGroup group = new SecurityGroup(prefix + "hub-lb", SecurityGroupArgs.builder()
                .name(prefix + "hub-lb")
                .description("offhours hub load balancer: its listener from the allowed CIDRs")
                .vpcId(vpcId)
                .ingress(SecurityGroupIngressArgs.builder().description("listener").protocol("tcp")
                        .fromPort(port).toPort(port).cidrBlocks(settings.ingressCidrs()).build())
                .egress(SecurityGroupEgressArgs.builder().description("the tasks' application port").protocol("tcp")
                        .fromPort(EcsServiceSettings.APPLICATION_PORT).toPort(EcsServiceSettings.APPLICATION_PORT)
                        .cidrBlocks("0.0.0.0/0").build())
                .build(), Children.of(parent));
        LoadBalancer loadBalancer = new LoadBalancer(prefix + "hub-lb", LoadBalancerArgs.builder()
                .name(prefix + "hub")
                .loadBalancerType("application")
                .internal(settings.internal())
                .subnets(settings.subnetIds())
                .securityGroups(group.id().applyValue(java.util.List::of))
                .dropInvalidHeaderFields(true)
                .build(), Children.of(parent));
        TargetGroup targets = new TargetGroup(prefix + "hub-api", TargetGroupArgs.builder()
                .name(prefix + "hub-api")
                .targetType("ip")
                .protocol("HTTP")
                .port(EcsServiceSettings.APPLICATION_PORT)
                .vpcId(vpcId)
                .deregistrationDelay(30)
                .healthCheck(TargetGroupHealthCheckArgs.builder().path(HEALTH_CHECK_PATH)
                        .port(String.valueOf(EcsServiceSettings.APPLICATION_PORT)).matcher("200").build())
                .build(), Children.of(parent));
        ListenerArgs.Builder listener = ListenerArgs.builder()
                .loadBalancerArn(loadBalancer.arn())
                .port(port)
                .protocol(settings.certificateArn().isPresent() ? "HTTPS" : "HTTP")
                .defaultActions(ListenerDefaultActionArgs.builder().type("forward")
                        .targetGroupArn(targets.arn()).build());
        settings.certificateArn().ifPresent(arn -> listener.certificateArn(arn).sslPolicy(TLS_POLICY));
        Listener created = new Listener(prefix + "hub-listener", listener.build(), Children.of(parent));
        return new Declared(loadBalancer, group, targets, created);
    }
}
