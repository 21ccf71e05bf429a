# Not a task file: summarises the logs of the suite (run it by hand after the evals).
from inspect_ai.log import list_eval_logs, read_eval_log

for info in list_eval_logs():
    log = read_eval_log(info, header_only=True)
    if log.status == "success" and log.results:
        print(log.eval.task, log.results.scores[0].metrics["accuracy"].value)
    else:
        print(log.eval.task, log.status)
