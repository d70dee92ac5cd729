"""Summary of one api-fuzz.sh run: prints the figures and writes tests/artifacts/fuzz/summary.json.

Reads schemathesis's JSON run report plus what the shell script observed (exit status, elapsed
time, whether the API survived, unhandled errors it logged). Exits 1 when anything failed.
"""
import datetime
import json
import os
import sys

out = os.environ["FUZZ_OUT"]
report_path = os.path.join(out, "schemathesis.json")
report = {}
if os.path.exists(report_path):
    with open(report_path, encoding="utf-8") as fh:
        report = json.load(fh)

ops = report.get("operations", {})
cases = report.get("test_cases", {})
failures = [
    {"code": f.get("code"), "title": f.get("title"), "count": f.get("count"), "operations": f.get("operations", [])}
    for f in report.get("failures", [])
]
errors = report.get("errors", [])
api_alive = os.environ["FUZZ_API_ALIVE"] == "true"
unhandled = int(os.environ.get("FUZZ_UNHANDLED") or 0)
status = int(os.environ["FUZZ_STATUS"])

summary = {
    "tool": f"schemathesis {report.get('schemathesis_version', '?')}",
    "command": "bash scripts/fuzz/api-fuzz.sh",
    "finishedAt": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    "seed": int(os.environ["FUZZ_SEED"]),
    "maxExamplesPerOperation": int(os.environ["FUZZ_MAX_EXAMPLES"]),
    "checks": os.environ["FUZZ_CHECKS"].split(","),
    "seconds": int(os.environ["FUZZ_ELAPSED"]),
    "complete": bool(report.get("complete")),
    "operations": {"selected": ops.get("selected", 0), "tested": ops.get("tested", 0), "errored": ops.get("errored", 0)},
    "testCases": {"generated": cases.get("generated", 0), "withFailures": cases.get("with_failures", 0), "errored": cases.get("errored", 0)},
    "uniqueFailures": cases.get("unique_failures", 0),
    "failures": failures,
    "errors": [e.get("title") or e.get("message") or str(e) for e in errors] if isinstance(errors, list) else errors,
    "apiSurvived": api_alive,
    "unhandledServerErrorsLogged": unhandled,
    "schemathesisExitCode": status,
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "findings.json"), encoding="utf-8") as fh:
    summary["foundAndFixed"] = json.load(fh)["foundAndFixed"]
summary["passed"] = status == 0 and bool(report) and not failures and not errors and api_alive and unhandled == 0
with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as fh:
    json.dump(summary, fh, indent=2)
    fh.write("\n")

print(
    f"[fuzz] {summary['operations']['tested']}/{summary['operations']['selected']} operations, "
    f"{summary['testCases']['generated']} test cases generated in {summary['seconds']} s (seed {summary['seed']}); "
    f"failures: {summary['uniqueFailures']} unique, {summary['testCases']['withFailures']} cases; "
    f"errors: {len(summary['errors']) if isinstance(summary['errors'], list) else summary['errors']}; "
    f"API survived: {'yes' if api_alive else 'NO'}; unhandled errors logged: {unhandled}",
    file=sys.stderr,
)
for f in failures:
    print(f"[fuzz]   {f['code']} {f['title']} ×{f['count']}: {', '.join(f['operations'])}", file=sys.stderr)
if not report:
    print("[fuzz]   no schemathesis report (the run was cut short: see schemathesis.log)", file=sys.stderr)
sys.exit(0 if summary["passed"] else 1)
