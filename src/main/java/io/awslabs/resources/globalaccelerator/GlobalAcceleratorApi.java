package io.awslabs.resources.globalaccelerator;

import io.awslabs.targets.Target;
import java.util.List;
import software.amazon.awssdk.services.globalaccelerator.GlobalAcceleratorClient;

/**
 * Where Global Accelerator's API is: only in US West (Oregon). Accelerators are global, but every
 * call to create, update, describe or delete one goes to us-west-2, whatever Region the endpoints
 * are in: "a global service that supports endpoints in multiple AWS Regions but you must specify
 * the US West (Oregon) Region to create, update, or otherwise work with accelerators"
 * (docs.aws.amazon.com/global-accelerator/latest/api/Welcome.html; the developer guide's Region
 * availability page says the same).
 */
public final class GlobalAcceleratorApi {
    public static final String REGION = "us-west-2";
    public static final String SERVICE = "globalaccelerator";

    private GlobalAcceleratorApi() { }

    public static GlobalAcceleratorClient client(Target target) {
        return target.client(GlobalAcceleratorClient.class, REGION);
    }

    /** Whether the target has no Global Accelerator to list: then it holds no accelerator of a run either. */
    static boolean absent(Target target) {
        return target.lacks(List.of(SERVICE)).isPresent();
    }
}
