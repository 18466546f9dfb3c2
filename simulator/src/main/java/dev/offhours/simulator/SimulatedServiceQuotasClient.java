package dev.offhours.simulator;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasServiceClientConfiguration;
import software.amazon.awssdk.services.servicequotas.model.GetServiceQuotaRequest;
import software.amazon.awssdk.services.servicequotas.model.GetServiceQuotaResponse;
import software.amazon.awssdk.services.servicequotas.model.NoSuchResourceException;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuota;

/**
 * Service Quotas of one region for the EC2 vCPU quotas ({@code GetServiceQuota}, service code {@code ec2}); any other
 * service or code is {@code NoSuchResourceException}, as AWS answers for a code it does not know.
 */
final class SimulatedServiceQuotasClient implements ServiceQuotasClient {

    private final FleetRuntime fleet;
    private final AwsCredentialsProvider credentials;
    private final String region;

    SimulatedServiceQuotasClient(FleetRuntime fleet, AwsCredentialsProvider credentials, String region) {
        this.fleet = fleet;
        this.credentials = credentials;
        this.region = region;
    }

    @Override
    public GetServiceQuotaResponse getServiceQuota(GetServiceQuotaRequest request) {
        String account = fleet.gate().authenticate(ApiFamily.AUTOSCALING, credentials).account();
        Double value = "ec2".equals(request.serviceCode())
                ? fleet.state().quotas().quota(account, region, request.quotaCode()) : null;
        if (value == null) {
            String message = "The request failed because the specified service quota " + request.quotaCode()
                    + " of service " + request.serviceCode() + " does not exist.";
            throw NoSuchResourceException.builder().statusCode(400).message(message).awsErrorDetails(AwsErrorDetails
                    .builder().errorCode("NoSuchResourceException").errorMessage(message).build()).build();
        }
        return GetServiceQuotaResponse.builder().quota(ServiceQuota.builder().serviceCode("ec2")
                .quotaCode(request.quotaCode()).value(value).unit("None").adjustable(true).build()).build();
    }

    @Override
    public String serviceName() {
        return "servicequotas";
    }

    @Override
    public ServiceQuotasServiceClientConfiguration serviceClientConfiguration() {
        return ServiceQuotasServiceClientConfiguration.builder().region(Region.of(region)).build();
    }

    @Override
    public void close() {
    }
}
