package dev.offhours.simulator;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ServiceClientConfiguration;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.VCpuInfo;
import software.amazon.awssdk.regions.Region;

/**
 * EC2 of one region, as far as the quota pre-flight reads it: DescribeInstanceTypes by name (at most 100 names; one
 * unknown name fails the whole call with {@code InvalidInstanceType}, as in AWS). Other operations keep the SDK
 * interface's default (UnsupportedOperationException).
 */
final class SimulatedEc2Client implements Ec2Client {
    static final int MAX_TYPES = 100;

    private final FleetRuntime fleet;
    private final AwsCredentialsProvider credentials;
    private final String region;

    SimulatedEc2Client(FleetRuntime fleet, AwsCredentialsProvider credentials, String region) {
        this.fleet = fleet;
        this.credentials = credentials;
        this.region = region;
    }

    @Override
    public DescribeInstanceTypesResponse describeInstanceTypes(DescribeInstanceTypesRequest request) {
        fleet.gate().authenticate(ApiFamily.AUTOSCALING, credentials);
        List<String> names = request.instanceTypesAsStrings();
        if (names.size() > MAX_TYPES) {
            throw invalid("InvalidParameterValue", "The maximum number of instance types is " + MAX_TYPES);
        }
        List<InstanceTypeInfo> infos = new ArrayList<>();
        for (String name : names) {
            int vcpus = InstanceTypes.vcpus(name).orElseThrow(() -> invalid("InvalidInstanceType",
                    "The following supplied instance types do not exist: [" + name + "]"));
            infos.add(InstanceTypeInfo.builder().instanceType(name)
                    .vCpuInfo(VCpuInfo.builder().defaultVCpus(vcpus).build()).build());
        }
        return DescribeInstanceTypesResponse.builder().instanceTypes(infos).build();
    }

    private static AwsServiceException invalid(String code, String message) {
        return Ec2Exception.builder().statusCode(400).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("EC2")
                        .build()).build();
    }

    @Override
    public String serviceName() {
        return "ec2";
    }

    @Override
    public Ec2ServiceClientConfiguration serviceClientConfiguration() {
        return Ec2ServiceClientConfiguration.builder().region(Region.of(region)).build();
    }

    @Override
    public void close() {
    }
}
