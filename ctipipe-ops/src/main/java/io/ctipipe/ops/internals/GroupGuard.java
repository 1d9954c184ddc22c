package io.ctipipe.ops.internals;

import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Whether a consumer group may be moved: only when it has no active member (state Empty or Dead),
 * which is what {@code kafka-consumer-groups --reset-offsets} requires too. A member that is still
 * there would overwrite the new offsets with its next commit.
 */
public final class GroupGuard {
    private final Admin admin;

    public GroupGuard(Admin admin) {
        this.admin = admin;
    }

    /** The group's state and member count; Dead with no member for a group that never existed. */
    public GroupActivity activity(String group) {
        try {
            ConsumerGroupDescription description =
                    admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
            return new GroupActivity(group, description.groupState(), description.members().size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing group " + group, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return new GroupActivity(group, GroupState.DEAD, 0);
            }
            throw new IllegalStateException(
                    "cannot describe consumer group " + group + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** Throws with a message naming the service to stop when the group is active. */
    public void requireInactive(String group, String service, String hint) {
        GroupActivity activity = activity(group);
        if (activity.active()) {
            throw new IllegalStateException(refusal(activity, service, hint));
        }
    }

    static String refusal(GroupActivity activity, String service, String hint) {
        return "consumer group "
                + activity.group()
                + " is active (state "
                + activity.state()
                + ", "
                + activity.members()
                + " member(s)): stop the "
                + service
                + " first"
                + hint
                + "; nothing was changed";
    }

    /** A group's state as seen now. */
    public record GroupActivity(String group, GroupState state, int members) {
        public boolean active() {
            return state != GroupState.EMPTY && state != GroupState.DEAD;
        }
    }
}
