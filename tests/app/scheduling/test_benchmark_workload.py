"""The benchmark workload the lead times: it must plan every step of every sale."""

from app.scheduling.benchmark import BENCHMARK_STEPS, plan_many_sales


def test_benchmark_plans_every_step_of_every_sale() -> None:
    assert len(BENCHMARK_STEPS) == 8
    assert plan_many_sales(250) == 250 * 8
