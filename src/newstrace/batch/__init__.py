"""The distributed batch: shards read and analysed in workers, events resolved per partition of blocks."""
