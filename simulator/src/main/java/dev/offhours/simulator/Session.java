package dev.offhours.simulator;

import java.time.Instant;

/** Credentials the simulated STS issued for one AssumeRole call. */
record Session(String account, String roleName, String sessionName, String accessKeyId, String secretAccessKey,
               String sessionToken, Instant expiration) {

    String assumedRoleArn() {
        return "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName;
    }
}
