"""The ``hf`` provider on tiny randomly initialised GPT-2 models built here (no hub download)."""

import asyncio
import math
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
tokenizers = pytest.importorskip("tokenizers")

from inspect_ai import Task, eval  # noqa: E402
from inspect_ai._model.connections import release_loop_pools  # noqa: E402
from inspect_ai._model.providers.hf import device as hf_device  # noqa: E402
from inspect_ai._model.providers.hf import generation  # noqa: E402
from inspect_ai._model.providers.hf.options import (  # noqa: E402
    DEFAULT_MAX_NEW_TOKENS,
    generate_options,
)
from inspect_ai._model.providers.hf.prompt import (  # noqa: E402
    Prompt,
    chat_prompt,
    plain_prompt,
    prompt_text,
)
from inspect_ai._model.providers.hf.tool_calls import read_tool_calls  # noqa: E402
from inspect_ai._sample.limits import LimitExceededError  # noqa: E402
from inspect_ai.dataset import Sample  # noqa: E402
from inspect_ai.model import (  # noqa: E402
    ChatMessageAssistant,
    ChatMessageSystem,
    ChatMessageTool,
    ChatMessageUser,
    GenerateConfig,
    Model,
    ModelOutput,
    get_model,
)
from tests.provider_cases import model_events  # noqa: E402

SPECIALS = ["<pad>", "<eos>", "<|user|>", "<|assistant|>", "<|system|>"]
WORDS = ["hello world the cat sat on a mat", "yes no red blue green one two three"]
CHAT_TEMPLATE = (
    "{% for m in messages %}<|{{ m['role'] }}|>{{ m['content'] }}{% endfor %}"
    "{% if add_generation_prompt %}<|assistant|>{% endif %}"
)
CONTEXT = 64
PROMPTS = ["hello", "the cat sat", "red blue green one", "yes"]
FAVOURITE = 10.0
"""The logit of the one token a 'fixed' model always prefers (every other logit is 0)."""


def tokenizer(chat_template: str | None = CHAT_TEMPLATE) -> Any:
    """A tiny BPE tokenizer trained on a few words, with special tokens for chat turns."""
    tok = tokenizers.Tokenizer(tokenizers.models.BPE())
    tok.pre_tokenizer = tokenizers.pre_tokenizers.Metaspace()
    tok.decoder = tokenizers.decoders.Metaspace()
    trainer = tokenizers.trainers.BpeTrainer(
        vocab_size=60, special_tokens=SPECIALS, show_progress=False
    )
    tok.train_from_iterator(WORDS * 5, trainer)
    fast = transformers.PreTrainedTokenizerFast(
        tokenizer_object=tok, pad_token="<pad>", eos_token="<eos>"
    )
    if chat_template is not None:
        fast.chat_template = chat_template
    return fast


def save_model(directory: Path, favourite: str | None = None) -> Path:
    """A 2-layer GPT-2 with random weights (or, with ``favourite``, one whose next-token
    logits are always ``FAVOURITE`` for that token and 0 for every other)."""
    tok = tokenizer()
    config = transformers.GPT2Config(
        vocab_size=len(tok), n_positions=CONTEXT, n_embd=32, n_layer=2, n_head=2,
        bos_token_id=1, eos_token_id=1, pad_token_id=0, initializer_range=0.5,
        tie_word_embeddings=favourite is None,
    )  # fmt: skip
    torch.manual_seed(0)
    model = transformers.GPT2LMHeadModel(config)
    if favourite is not None:
        with torch.no_grad():
            model.transformer.ln_f.weight.zero_()  # the last hidden state is ln_f's bias
            model.transformer.ln_f.bias.zero_()
            model.transformer.ln_f.bias[0] = 1.0
            model.lm_head.weight.zero_()
            model.lm_head.weight[tok.convert_tokens_to_ids(favourite), 0] = FAVOURITE
    model.save_pretrained(directory)
    tok.save_pretrained(directory)
    return directory


@pytest.fixture(autouse=True)
def _quick_partial_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Partial batches run after 5 ms here, not the provider's 2 s (tests that need the
    window longer set it themselves)."""
    monkeypatch.setattr("inspect_ai._model.providers.hf.provider.BATCH_IDLE_SECONDS", 0.005)


@pytest.fixture(scope="module")
def random_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_model(tmp_path_factory.mktemp("random-model"))


@pytest.fixture(scope="module")
def cat_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Always says ``cat``; never ends by itself."""
    return save_model(tmp_path_factory.mktemp("cat-model"), favourite="▁cat")


@pytest.fixture(scope="module")
def eos_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ends at once."""
    return save_model(tmp_path_factory.mktemp("eos-model"), favourite="<eos>")


@pytest.fixture(scope="module")
def plain_tokenizer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same tokenizer without a chat template."""
    directory = tmp_path_factory.mktemp("plain-tokenizer")
    tokenizer(chat_template=None).save_pretrained(directory)
    return directory


def hf_local(path: Path, **model_args: Any) -> Model:
    return get_model("hf/local", model_path=str(path), memoize=False, **model_args)


def generate(model: Model, input: Any = "hello", **config: Any) -> ModelOutput:
    return gather(model, [input], **config)[0]


def gather(model: Model, inputs: list[Any], **config: Any) -> list[ModelOutput]:
    """Concurrent ``generate()`` calls, in one event loop."""

    async def run() -> list[ModelOutput]:
        try:
            calls = (model.generate(i, config=GenerateConfig(**config)) for i in inputs)
            return list(await asyncio.wait_for(asyncio.gather(*calls), 120))
        finally:
            release_loop_pools()

    return asyncio.run(run())


def count_tokens(path: Path, text: str) -> int:
    tok = transformers.AutoTokenizer.from_pretrained(str(path))
    return len(tok(text, add_special_tokens=False)["input_ids"])


def test_generate_with_the_chat_template_and_usage(random_model: Path) -> None:
    model = hf_local(random_model, device="cpu")
    output = generate(model, "hello", max_tokens=6, temperature=0)
    assert output.completion and output.completion == output.message.text
    assert output.stop_reason == "max_tokens"
    prompt = "<|user|>hello<|assistant|>"
    assert output.usage is not None
    assert output.usage.input_tokens == count_tokens(random_model, prompt)
    assert (output.usage.output_tokens, output.usage.total_tokens) == (
        6, output.usage.input_tokens + 6,
    )  # fmt: skip
    assert output.model == "local" and str(model) == "hf/local"


def test_max_tokens_maps_to_new_tokens_and_the_stop_reason(cat_model: Path) -> None:
    output = generate(hf_local(cat_model), max_tokens=4)
    assert output.completion == "cat cat cat cat"
    assert output.stop_reason == "max_tokens"
    assert output.usage is not None and output.usage.output_tokens == 4


def test_end_of_sequence_is_a_stop(eos_model: Path) -> None:
    output = generate(hf_local(eos_model), max_tokens=5)
    assert (output.completion, output.stop_reason) == ("", "stop")
    assert output.usage is not None and output.usage.output_tokens == 1


def test_stop_sequences_end_generation_and_cut_the_output(random_model: Path) -> None:
    model = hf_local(random_model)
    full = generate(model, "yes", max_tokens=20, temperature=0).completion
    middle = len(full) // 2
    stop = full[middle : middle + 2]
    expected = full[: full.find(stop)]
    output = generate(model, "yes", max_tokens=20, temperature=0, stop_seqs=[stop, "zzz"])
    assert output.completion == expected
    assert output.stop_reason == "stop"
    assert output.usage is not None and output.usage.output_tokens < 20


def test_a_stop_sequence_cuts_the_logprobs_too(cat_model: Path) -> None:
    output = generate(hf_local(cat_model), max_tokens=6, stop_seqs=[" cat cat"], logprobs=True)
    assert (output.completion, output.stop_reason) == ("cat", "stop")
    logprobs = output.choices[0].logprobs
    assert logprobs is not None and [lp.token for lp in logprobs.content] == ["cat"]


def test_logprobs_and_top_logprobs(cat_model: Path) -> None:
    output = generate(hf_local(cat_model), max_tokens=3, logprobs=True, top_logprobs=3)
    logprobs = output.choices[0].logprobs
    assert logprobs is not None and len(logprobs.content) == 3
    vocab = len(tokenizer())
    expected = FAVOURITE - math.log(math.exp(FAVOURITE) + vocab - 1)
    for logprob in logprobs.content:
        assert logprob.token == "cat" and logprob.bytes == list(b"cat")
        assert logprob.logprob == pytest.approx(expected, abs=1e-4)
        assert logprob.top_logprobs is not None and len(logprob.top_logprobs) == 3
        best, second, _ = logprob.top_logprobs
        assert best.token == "cat" and best.logprob == pytest.approx(expected, abs=1e-4)
        assert second.logprob == pytest.approx(-math.log(math.exp(FAVOURITE) + vocab - 1), abs=1e-4)


def test_generate_config_as_generate_options() -> None:
    greedy = generate_options(GenerateConfig(temperature=0, top_p=0.5, max_tokens=7))
    assert greedy.generate_kwargs() == {"max_new_tokens": 7, "do_sample": False}
    sampled = generate_options(GenerateConfig(temperature=0.5, top_k=3, seed=1, stop_seqs=["x"]))
    assert sampled.generate_kwargs() == {
        "max_new_tokens": DEFAULT_MAX_NEW_TOKENS, "do_sample": True, "temperature": 0.5,
        "top_k": 3,
    }  # fmt: skip
    assert (sampled.seed, sampled.stop_seqs) == (1, ("x",))
    assert generate_options(GenerateConfig()).generate_kwargs() == {
        "max_new_tokens": DEFAULT_MAX_NEW_TOKENS
    }
    with_top = generate_options(GenerateConfig(top_logprobs=2)).generate_kwargs()
    assert with_top["output_logits"] is True


def test_no_logprobs_unless_asked(cat_model: Path) -> None:
    assert generate(hf_local(cat_model), max_tokens=2).choices[0].logprobs is None


def test_seeded_sampling_repeats(random_model: Path) -> None:
    model = hf_local(random_model)
    config = {"max_tokens": 12, "temperature": 1.5, "top_p": 0.95, "top_k": 40, "seed": 7}
    first = generate(model, "the cat", **config)
    assert generate(model, "the cat", **config).completion == first.completion


PROVIDER = "inspect_ai._model.providers.hf.provider"


def record_batch_sizes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Sizes of the batches the provider runs, in order."""
    sizes: list[int] = []

    def recording(loaded: Any, conversations: list[Any], options: Any) -> list[Any]:
        sizes.append(len(conversations))
        return generation.generate_batch(loaded, conversations, options)

    monkeypatch.setattr(f"{PROVIDER}.generate_batch", recording)
    return sizes


def test_concurrent_calls_are_batched_up_to_max_connections(
    random_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sizes = record_batch_sizes(monkeypatch)
    monkeypatch.setattr(f"{PROVIDER}.BATCH_IDLE_SECONDS", 60.0)  # only full batches run
    model = hf_local(random_model)
    inputs = PROMPTS + PROMPTS[:2]
    outputs = gather(model, inputs, max_tokens=8, temperature=0, max_connections=3)
    assert sizes == [3, 3]
    prompt_tokens = [count_tokens(random_model, f"<|user|>{p}<|assistant|>") for p in inputs]
    assert [o.usage.input_tokens for o in outputs if o.usage] == prompt_tokens
    alone = {"max_tokens": 8, "temperature": 0, "max_connections": 1}  # batches of one
    one_at_a_time = [generate(model, p, **alone).completion for p in PROMPTS]
    assert [o.completion for o in outputs[:4]] == one_at_a_time


def test_a_partial_batch_is_flushed(random_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sizes = record_batch_sizes(monkeypatch)
    outputs = gather(hf_local(random_model), PROMPTS[:3], max_tokens=3, max_connections=32)
    assert len(outputs) == 3 and sum(sizes) == 3 and max(sizes) <= 3


def test_calls_with_different_options_are_not_batched_together(cat_model: Path) -> None:
    model = hf_local(cat_model)

    async def run() -> list[ModelOutput]:
        try:
            return list(
                await asyncio.gather(
                    model.generate("hi", config=GenerateConfig(max_tokens=1)),
                    model.generate("hi", config=GenerateConfig(max_tokens=3)),
                )
            )
        finally:
            release_loop_pools()

    short, long = asyncio.run(run())
    assert (short.completion, long.completion) == ("cat", "cat cat cat")


def test_a_tokenizer_without_a_chat_template_gets_a_plain_prompt(
    random_model: Path, plain_tokenizer: Path
) -> None:
    model = hf_local(random_model, tokenizer_path=str(plain_tokenizer))
    messages = [ChatMessageSystem(content="Be brief."), ChatMessageUser(content="hello")]
    output = generate(model, messages, max_tokens=2)
    turns = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "hello"}]
    plain = plain_prompt(Prompt(turns))
    assert plain == "System: Be brief.\n\nUser: hello\n\nAssistant:"
    tok = transformers.AutoTokenizer.from_pretrained(str(plain_tokenizer))
    assert output.usage is not None
    assert output.usage.input_tokens == len(tok(plain)["input_ids"])


def test_a_prompt_longer_than_the_context_is_a_context_limit(random_model: Path) -> None:
    with pytest.raises(LimitExceededError) as raised:
        generate(hf_local(random_model), "yes " * CONTEXT, max_tokens=2)
    assert raised.value.type == "context"


def test_new_tokens_stop_at_the_end_of_the_context(cat_model: Path) -> None:
    prompt = "yes " * 25
    output = generate(hf_local(cat_model), prompt, max_tokens=100)
    assert output.stop_reason == "model_length"
    assert output.usage is not None and output.usage.total_tokens == CONTEXT


def test_hf_local_needs_a_model_path() -> None:
    with pytest.raises(ValueError, match="model_path"):
        get_model("hf/local", memoize=False)
    with pytest.raises(ValueError, match="not found"):
        get_model("hf/local", model_path="/no/such/model", memoize=False)


def test_device_choice(monkeypatch: pytest.MonkeyPatch, cat_model: Path) -> None:
    assert hf_device.default_device() == ("cuda" if torch.cuda.is_available() else "cpu")
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: True)
    assert hf_device.default_device() in ("cuda", "mps")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert hf_device.default_device() == "cuda"
    with pytest.raises(ValueError, match="Invalid device"):
        hf_local(cat_model, device="warp-drive")


def test_other_model_args_go_to_from_pretrained(
    cat_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}
    real: Callable[..., Any] = transformers.AutoModelForCausalLM.from_pretrained

    def recording(path: str, **kwargs: Any) -> Any:
        seen.update(kwargs, path=path)
        return real(path, **kwargs)

    monkeypatch.setattr(transformers.AutoModelForCausalLM, "from_pretrained", recording)
    model = hf_local(cat_model, device="cpu", revision="main")
    assert generate(model, max_tokens=1).completion == "cat"
    assert seen == {"path": str(cat_model), "revision": "main"}


def test_an_eval_of_a_task(random_model: Path, tmp_path: Path) -> None:
    task = Task(dataset=[Sample(input=p, target="cat") for p in PROMPTS])
    [log] = eval(
        task, model="hf/local", model_args={"model_path": str(random_model)},
        log_dir=str(tmp_path), display="none", max_tokens=5, temperature=0,
    )  # fmt: skip
    assert log.status == "success", log.error
    assert log.samples is not None and len(log.samples) == len(PROMPTS)
    for sample in log.samples:
        assert sample.output.completion and sample.output.stop_reason == "max_tokens"
        assert sample.model_usage["hf/local"].output_tokens == 5
        [event] = model_events(sample)
        assert event.call is not None and event.call.request["max_new_tokens"] == 5
    assert log.stats.model_usage["hf/local"].output_tokens == 5 * len(PROMPTS)


TASK_FILE = """
from inspect_ai import Task, task
from inspect_ai.dataset import Sample


@task
def tiny():
    return Task(dataset=[Sample(input="hello"), Sample(input="the cat")])
"""


def run_cli(*args: str, prelude: str = "") -> subprocess.CompletedProcess[str]:
    code = f"{prelude}\nfrom inspect_ai._cli.main import main\nmain()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300
    )


def test_inspect_eval_on_the_command_line(random_model: Path, tmp_path: Path) -> None:
    (tmp_path / "tiny.py").write_text(TASK_FILE)
    result = run_cli(
        "eval", str(tmp_path / "tiny.py"), "--model", "hf/local",
        "-M", f"model_path={random_model}", "-M", "device=cpu", "--max-tokens", "4",
        "--display", "none", "--log-dir", str(tmp_path / "logs"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    from inspect_ai.log import read_eval_log

    [path] = (tmp_path / "logs").glob("*.eval")
    log = read_eval_log(str(path))
    assert log.status == "success" and log.samples is not None
    assert [s.output.usage.output_tokens for s in log.samples if s.output.usage] == [4, 4]


def test_command_line_errors_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "tiny.py").write_text(TASK_FILE)
    common = ["eval", str(tmp_path / "tiny.py"), "--display", "none", "--log-dir", str(tmp_path)]
    missing_path = run_cli(*common, "--model", "hf/local")
    missing_package = run_cli(
        *common, "--model", "hf/local", "-M", "model_path=.",
        prelude="import sys; sys.modules['transformers'] = None",
    )  # fmt: skip
    for result, needle in [
        (missing_path, "hf/local needs the model's directory: -M model_path=<path>"),
        (missing_package, "requires the transformers package: pip install transformers"),
    ]:
        assert result.returncode == 2, result.stderr
        [line] = result.stderr.splitlines()
        assert line.startswith("Error: ") and needle in line, line


def test_torch_is_imported_only_when_the_provider_is(tmp_path: Path) -> None:
    code = (
        "import sys, inspect_ai, inspect_ai.model\n"
        "from inspect_ai._cli.main import inspect\n"
        "print('torch' in sys.modules, 'transformers' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["False", "False"], result.stderr


TOOLS_TEMPLATE = (
    "{% if tools %}<|system|>{% for t in tools %}[{{ t['function']['name'] }}: "
    "{{ t['function']['description'] }}]{% endfor %}{% endif %}"
    "{% for m in messages %}<|{{ m['role'] }}|>{{ m['content'] }}"
    "{% for c in m.get('tool_calls', []) %}(call {{ c['function']['name'] }} "
    "{{ c['function']['arguments']['x'] }}){% endfor %}"
    "{% if m.get('tool_call_id') %}(result of {{ m['name'] }} {{ m['tool_call_id'] }})"
    "{% endif %}{% endfor %}{% if add_generation_prompt %}<|assistant|>{% endif %}"
)


def _tool_infos() -> list[Any]:
    from inspect_ai.tool import ToolInfo, ToolParams

    return [
        ToolInfo(name="double", description="Double a number.", parameters=ToolParams()),
        ToolInfo(name="halve", description="Halve a number.", parameters=ToolParams()),
    ]


def test_tools_and_tool_turns_go_to_the_chat_template() -> None:
    from inspect_ai.tool import ToolCall, ToolFunction

    messages = [
        ChatMessageUser(content="double 2"),
        ChatMessageAssistant(
            content="", tool_calls=[ToolCall(id="c1", function="double", arguments={"x": 2})]
        ),
        ChatMessageTool(content="4", tool_call_id="c1", function="double"),
    ]
    prompt = chat_prompt(messages, _tool_infos(), "auto")
    text = prompt_text(tokenizer(TOOLS_TEMPLATE), prompt)
    assert text == (
        "<|system|>[double: Double a number.][halve: Halve a number.]"
        "<|user|>double 2<|assistant|>(call double 2)<|tool|>4(result of double c1)<|assistant|>"
    )
    assert prompt.tools[0]["function"]["parameters"]["type"] == "object"
    only = chat_prompt(messages, _tool_infos(), ToolFunction(name="halve"))
    assert [tool["function"]["name"] for tool in only.tools] == ["halve"]
    assert chat_prompt(messages, _tool_infos(), "none").tools == []


def test_the_plain_prompt_lists_the_tools_and_the_calls() -> None:
    from inspect_ai.tool import ToolCall

    messages = [
        ChatMessageUser(content="double 2"),
        ChatMessageAssistant(
            content="", tool_calls=[ToolCall(id="c1", function="double", arguments={"x": 2})]
        ),
    ]
    text = plain_prompt(chat_prompt(messages, _tool_infos()[:1], "auto"))
    assert text.startswith("Tools: to call one, answer with <tool_call>")
    assert '{"name": "double", "description": "Double a number."' in text
    assert 'Assistant: \n<tool_call>{"name": "double", "arguments": {"x": 2}}</tool_call>' in text
    assert text.endswith("\n\nAssistant:")


@pytest.mark.parametrize(
    ("text", "content", "calls"),
    [
        (
            'Let me.\n<tool_call>\n{"name": "double", "arguments": {"x": 2}}\n</tool_call>',
            "Let me.",
            [("double", {"x": 2}, None)],
        ),
        (
            '<tool_call>{"name": "double", "arguments": {"x": 1}}</tool_call>'
            '<tool_call>{"name": "halve", "arguments": "{\\"x\\": 8}"}</tool_call>',
            "",
            [("double", {"x": 1}, None), ("halve", {"x": 8}, None)],
        ),
        ('{"name": "halve", "parameters": {"x": 3}}', "", [("halve", {"x": 3}, None)]),
        ('<tool_call>{"name": "double", "arguments": {"x": </tool_call>', "", [("double", {}, "")]),
        ('{"name": "unknown", "arguments": {}}', '{"name": "unknown", "arguments": {}}', []),
        ("The answer is 4.", "The answer is 4.", []),
        ('{"name": "double" and more', '{"name": "double" and more', []),
    ],
)
def test_tool_calls_are_read_out_of_the_reply(
    text: str, content: str, calls: list[tuple[str, dict[str, Any], str | None]]
) -> None:
    left, found = read_tool_calls(text, {"double", "halve"})
    assert left == content
    assert [(call.function, call.arguments) for call in found] == [(f, a) for f, a, _ in calls]
    for call, (_, _, error) in zip(found, calls, strict=True):
        assert (call.parse_error is not None) == (error is not None)
    assert len({call.id for call in found}) == len(found)


def test_no_tools_offered_means_no_calls() -> None:
    text = '{"name": "double", "arguments": {"x": 2}}'
    assert read_tool_calls(text, set()) == (text, [])


def test_a_reply_with_a_tool_call_ends_with_tool_calls(
    random_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reply = '<tool_call>{"name": "double", "arguments": {"x": 2}}</tool_call>'
    real = generation._row_result

    def calling(*args: Any) -> Any:
        generated = real(*args)
        return generation.Generated(reply, "stop", generated.input_tokens, 5)

    monkeypatch.setattr(generation, "_row_result", calling)
    model = hf_local(random_model)

    async def run() -> ModelOutput:
        try:
            return await model.generate(
                "double 2", tools=_tool_infos(), config=GenerateConfig(max_tokens=3)
            )
        finally:
            release_loop_pools()

    output = asyncio.run(run())
    assert output.stop_reason == "tool_calls"
    [call] = output.message.tool_calls or []
    assert (call.function, call.arguments) == ("double", {"x": 2})


def test_num_choices_samples_several_sequences(random_model: Path) -> None:
    model = hf_local(random_model)
    output = generate(model, "hello", max_tokens=4, num_choices=3, seed=7)
    assert len(output.choices) == 3
    assert len({choice.message.text for choice in output.choices}) > 1
    assert output.usage is not None
    assert output.usage.output_tokens == 3 * 4  # 4 new tokens in each choice
    assert output.completion == output.choices[0].message.text


def test_num_choices_at_temperature_zero_repeats_the_greedy_answer(random_model: Path) -> None:
    model = hf_local(random_model)
    output = generate(model, "hello", max_tokens=4, num_choices=2, temperature=0)
    assert [choice.message.text for choice in output.choices] == [output.completion] * 2
    options = generate_options(GenerateConfig(num_choices=2, temperature=0))
    assert "num_return_sequences" not in options.generate_kwargs()
    sampled = generate_options(GenerateConfig(num_choices=2))
    assert sampled.generate_kwargs()["num_return_sequences"] == 2
    assert sampled.do_sample is True
