package dev.offhours.pulumi.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offhours.pulumi.MockedStack;
import dev.offhours.pulumi.StackConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The service's options (mode, cluster, standby, load balancer, Lambda workers) and the settings it refuses. */
class EcsServiceOptionsTest {

    @Test
    void withoutAnImageTheHubHasNoServiceAndServiceModeNoneDeclaresNone() {
        MockedStack.Run noImage = HubFixtures.run(HubFixtures.organizationConfig());
        Map<String, String> none = HubFixtures.ecsConfig();
        none.put("serviceMode", "none");
        MockedStack.Run explicit = HubFixtures.run(none);
        for (MockedStack.Run run : List.of(noImage, explicit)) {
            assertThat(run.result().exitCode()).as(run.errors()).isZero();
            assertThat(run.resources()).noneMatch(r -> r.type().startsWith("aws:ecs/")
                    || r.type().startsWith("aws:lb/") || r.type().startsWith("aws:ec2/"));
            assertThat(run.ofType("aws:dynamodb/table:Table")).hasSize(3);
        }
    }

    @Test
    void anExistingClusterIsUsedInsteadOfANewOne() {
        Map<String, String> config = HubFixtures.ecsConfig();
        config.put("serviceClusterArn", "arn:aws:ecs:eu-central-1:123456789012:cluster/platform");
        MockedStack.Run run = HubFixtures.run(config);
        assertThat(run.result().exitCode()).as(run.errors()).isZero();
        assertThat(run.ofType("aws:ecs/cluster:Cluster")).isEmpty();
        assertThat(run.ofType("aws:cloudwatch/metricAlarm:MetricAlarm")).extracting(a -> a.string("name"))
                .as("no Container Insights promised in a cluster the stack does not own")
                .doesNotContain("offhours-service-tasks-missing");
        assertThat(run.ofType("aws:ecs/service:Service").get(0).string("cluster"))
                .isEqualTo("arn:aws:ecs:eu-central-1:123456789012:cluster/platform");
    }

    @Test
    void aStandbyIsASecondTaskOfTheSameService() {
        Map<String, String> config = HubFixtures.ecsConfig();
        config.put("serviceDesiredCount", "2");
        MockedStack.Run run = HubFixtures.run(config);
        assertThat(run.ofType("aws:ecs/service:Service")).hasSize(1);
        assertThat(((Number) run.ofType("aws:ecs/service:Service").get(0).inputs().get("desiredCount")).intValue())
                .isEqualTo(2);
    }

    @Test
    void withTheLambdaWorkerTheServiceRunsNoWorkerPool() {
        Map<String, String> config = HubFixtures.ecsConfig();
        config.put("workerMode", "lambda");
        config.put("externalId", "hub-external-id-for-tests");
        MockedStack.Run run = HubFixtures.run(config);
        assertThat(run.result().exitCode()).as(run.errors()).isZero();
        assertThat(EcsServiceTest.section(EcsServiceTest.configOf(run), "workers")).containsEntry("enabled", false);
        assertThat(run.ofType("aws:lambda/function:Function")).hasSize(1);
    }

    @Test
    void anInternalLoadBalancerForwardsToTheApplicationPortAndOnlyItMayReachTheTasks() {
        Map<String, String> config = HubFixtures.ecsConfig();
        config.put("loadBalancer", "internal");
        config.put("loadBalancerSubnetIds", "subnet-0a1b2c3d4e5f60001,subnet-0a1b2c3d4e5f60002");
        config.put("loadBalancerIngressCidrs", "10.0.0.0/8");
        MockedStack.Run run = HubFixtures.run(config);
        assertThat(run.result().exitCode()).as(run.errors()).isZero();
        MockedStack.Declared lb = run.ofType("aws:lb/loadBalancer:LoadBalancer").get(0);
        assertThat(lb.inputs()).containsEntry("internal", true);
        MockedStack.Declared listener = run.ofType("aws:lb/listener:Listener").get(0);
        assertThat(((Number) listener.inputs().get("port")).intValue()).isEqualTo(80);
        MockedStack.Declared targets = run.ofType("aws:lb/targetGroup:TargetGroup").get(0);
        assertThat(((Number) targets.inputs().get("port")).intValue()).isEqualTo(8080);
        assertThat(targets.map("healthCheck")).containsEntry("path", "/v1/openapi.yaml");
        MockedStack.Declared tasks = run.withInput("aws:ec2/securityGroup:SecurityGroup", "name", "offhours-hub-tasks");
        assertThat(tasks.inputs().get("ingress").toString()).contains("offhours-hub-lb-id").doesNotContain("cidrBlocks")
                .doesNotContain("8081");
        assertThat(run.ofType("aws:ecs/service:Service").get(0).inputs().get("loadBalancers").toString())
                .contains("containerPort=8080");
    }

    @Test
    void aPublicLoadBalancerSpeaksOnlyHttpsWithModernTls() {
        Map<String, String> config = HubFixtures.ecsConfig();
        config.put("loadBalancer", "public");
        config.put("loadBalancerSubnetIds", "subnet-0a1b2c3d4e5f60003,subnet-0a1b2c3d4e5f60004");
        config.put("loadBalancerIngressCidrs", "0.0.0.0/0");
        config.put("loadBalancerCertificateArn", "arn:aws:acm:eu-central-1:123456789012:certificate/abc");
        MockedStack.Run run = HubFixtures.run(config);
        assertThat(run.result().exitCode()).as(run.errors()).isZero();
        assertThat(run.ofType("aws:lb/loadBalancer:LoadBalancer").get(0).inputs()).containsEntry("internal", false);
        MockedStack.Declared listener = run.ofType("aws:lb/listener:Listener").get(0);
        assertThat(listener.string("protocol")).isEqualTo("HTTPS");
        assertThat(((Number) listener.inputs().get("port")).intValue()).isEqualTo(443);
        assertThat(listener.string("sslPolicy")).isEqualTo(EcsLoadBalancer.TLS_POLICY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plain-text secret | serviceExternalIdSecret | 0123456789abcdef | serviceExternalIdSecret must be where the secret is stored",
            "secret elsewhere | serviceGitTokenSecret | arn:aws:s3:::bucket/token | serviceGitTokenSecret must be where the secret is stored",
            "missing subnet | serviceSubnetIds | '' | serviceSubnetIds is required",
            "not a subnet | serviceSubnetIds | vpc-0a1b2c3d4e5f60718 | serviceSubnetIds must hold subnet ids",
            "exposed admin port | serviceIngressPorts | 8080,8081 | must not open the admin port 8081",
            "missing VPC | serviceVpcId | '' | serviceVpcId is required",
            "three tasks | serviceDesiredCount | 3 | serviceDesiredCount must be between 1 and 2",
            "odd retention | serviceLogRetentionDays | 10 | serviceLogRetentionDays must be one of",
            "missing Git URL | serviceGitUrl | '' | serviceGitUrl is required",
            "missing token hash | serviceApiTokenSha256Secret | '' | serviceApiTokenSha256Secret is required",
            "unknown mode | serviceMode | fargate | serviceMode must be 'ecs'",
            "odd CPU | serviceCpu | 768 | serviceCpu must be one of Fargate's sizes",
            "memory too small for the CPU | serviceMemoryMb | 1024 | serviceMemoryMb 1024 does not fit serviceCpu 1024",
            "load balancer without subnets | loadBalancer | internal | loadBalancerSubnetIds needs at least two subnets",
    })
    void aWrongServiceSettingIsRefusedNamingIt(String description, String key, String value, String message) {
        Map<String, String> config = HubFixtures.ecsConfig();
        config.put(key, value);
        assertThatThrownBy(() -> HubSettings.from(StackConfig.ofMap(config)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void aPlainTextSecretIsNotRepeatedInTheMessage() {
        Map<String, String> config = HubFixtures.ecsConfig();
        config.put("serviceExternalIdSecret", "s3cr3t-external-id");
        assertThatThrownBy(() -> HubSettings.from(StackConfig.ofMap(config)))
                .hasMessageNotContaining("s3cr3t-external-id").hasMessageContaining("SSM parameter ARN");
    }

    @Test
    void aPublicLoadBalancerWithoutACertificateIsRefused() {
        Map<String, String> config = HubFixtures.ecsConfig();
        config.put("loadBalancer", "public");
        config.put("loadBalancerSubnetIds", "subnet-0a1b2c3d4e5f60003,subnet-0a1b2c3d4e5f60004");
        config.put("loadBalancerIngressCidrs", "0.0.0.0/0");
        assertThatThrownBy(() -> HubSettings.from(StackConfig.ofMap(config)))
                .hasMessageContaining("a public load balancer needs loadBalancerCertificateArn");
    }
}
