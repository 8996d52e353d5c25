"""Progress storage: the durable record of answers and schedules."""
