package io.awslabs.resources.ec2;

import io.awslabs.resources.Provisioning;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** EC2 tags a resource at creation (TagSpecifications): the run's tags plus the Name the console shows. */
public final class Ec2Tags {
    private Ec2Tags() { }

    public static TagSpecification of(Provisioning p, ResourceType type, String name) {
        List<Tag> tags = new ArrayList<>(p.tags((k, v) -> Tag.builder().key(k).value(v).build()));
        tags.add(Tag.builder().key("Name").value(name).build());
        return TagSpecification.builder().resourceType(type).tags(tags).build();
    }
}
