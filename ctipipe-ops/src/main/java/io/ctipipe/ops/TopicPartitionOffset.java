package io.ctipipe.ops;

/** {@code partition:offset}, as {@code dlq list} prints it and {@code dlq show} takes it. */
record TopicPartitionOffset(int partition, long offset) {

    static TopicPartitionOffset parse(String text) {
        String[] parts = text.trim().split(":", -1);
        try {
            if (parts.length == 2) {
                int partition = Integer.parseInt(parts[0].trim());
                long offset = Long.parseLong(parts[1].trim());
                if (partition >= 0 && offset >= 0) {
                    return new TopicPartitionOffset(partition, offset);
                }
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException(
                "expected partition:offset such as 0:42, got '" + text + "'");
    }

    @Override
    public String toString() {
        return partition + ":" + offset;
    }
}
