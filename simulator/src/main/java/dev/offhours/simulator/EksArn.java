package dev.offhours.simulator;

/**
 * An EKS resource ARN the tagging APIs accept: {@code arn:aws:eks:<region>:<account>:cluster/<name>} or
 * {@code arn:aws:eks:<region>:<account>:nodegroup/<cluster>/<name>/<id>}. {@code nodegroup} is null for a cluster.
 */
record EksArn(String arn, String region, String account, String cluster, String nodegroup) {

    static String cluster(String region, String account, String cluster) {
        return "arn:aws:eks:" + region + ":" + account + ":cluster/" + cluster;
    }

    static String nodegroup(String region, String account, String cluster, String nodegroup, String id) {
        return "arn:aws:eks:" + region + ":" + account + ":nodegroup/" + cluster + "/" + nodegroup + "/" + id;
    }

    static EksArn parse(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        if (parts.length != 6 || !"arn".equals(parts[0]) || !"eks".equals(parts[2])) {
            throw AwsErrors.eksBadRequest("'" + arn + "' is not a valid EKS resource ARN; expected "
                    + "arn:aws:eks:<region>:<account>:cluster/<name> or ...:nodegroup/<cluster>/<name>/<id>.");
        }
        String[] path = parts[5].split("/");
        if (path.length == 2 && "cluster".equals(path[0])) {
            return new EksArn(arn, parts[3], parts[4], path[1], null);
        }
        if (path.length == 4 && "nodegroup".equals(path[0])) {
            return new EksArn(arn, parts[3], parts[4], path[1], path[2]);
        }
        throw AwsErrors.eksBadRequest("'" + arn + "' names no taggable EKS resource the simulator knows "
                + "(clusters and node groups).");
    }
}
