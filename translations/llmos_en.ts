<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CommandContext</name>
    <message>
        <source>missing required option --%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llmos %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libtorch:     %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLAS:         %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threads:      %1 of %2 hardware threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA:         %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>fp32 matmul:  %1 GFLOP/s (1024x1024)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data folder:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference BLAS in use: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: libtorch is using the slow reference BLAS (about 30x slower). Install libopenblas0-openmp: apt-get install libopenblas0-openmp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inspect takes exactly one PATH (a model folder, .safetensors or .gguf file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path:         %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format:       %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>architecture: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family:       %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parameters:   %L1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tensor data:  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dtypes:       %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>config:       %1 layers, hidden %2, %3 heads (%4 key/value), vocabulary %5, context %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning:      %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metadata:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tensors (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ids: item %1 (&apos;%2&apos;) is not a token id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SentencePiece: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either --text or --ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokens:     %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log-prob:   %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>perplexity: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: the text was longer than the model reads and was cut to its first %1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--pooling: &apos;%1&apos; is not cls or mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either --normalize or --no-normalize, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dimension: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>values:    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>norm:      %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokens:    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note:      the text was longer than the model reads and was cut to its first %1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either --model PATH or --shape small|tiny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--batch: &apos;%1&apos; is not a batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch %1: prefill %2 tokens/s, decode %3 tokens/s, first token after %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weights read per decode step: %1 MiB; copy bandwidth %2 GB/s; batch-1 bound %3 tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>peak memory: %1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chatting with %1 on %2. Type /reset to start over, /exit or Ctrl-D to leave; Ctrl-C stops a reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(conversation cleared)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Hugging Face model folder or a .gguf file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most tokens to generate (default 256).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling temperature; 0 picks the most likely token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample from the K most likely tokens (0: all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample from the most likely tokens that make up probability P.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop tokens less likely than P times the most likely one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Above 1, makes tokens already seen less likely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random seed; the same seed gives the same output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop before this text (may be repeated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto, cpu, cuda or cuda:N (default auto).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads to compute with (default: all cores).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--threads must be at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-tokens must be at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1 tokens in %2 s (%3 tokens/s), stopped: %4]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Usage: llmos [VERB] [OPTIONS]

Without a verb, opens the workbench window.

Verbs:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Every verb takes --json for machine-readable output. Run &apos;llmos VERB --help&apos; for its options.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown verb &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the compute setup: libtorch, BLAS, threads, CUDA, data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the matmul speed measurement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a model&apos;s format, architecture, parameters, dtypes and tensors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model folder, .safetensors or .gguf file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn text into token ids with a model&apos;s tokenizer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text to tokenize.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not add special tokens such as BOS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn token ids back into text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated token ids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave special tokens out of the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a PNG of every page into DIR and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language, e.g. en or zh_CN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llmos: no display found (DISPLAY and WAYLAND_DISPLAY are not set), so the workbench window cannot open.
  - on a desktop, run it from a graphical session;
  - on a server, run it under a virtual display: xvfb-run -a build/bin/llmos
  - or save pictures of every page without a display:
      QT_QPA_PLATFORM=offscreen build/bin/llmos --screenshot DIR
  - the headless verbs work anywhere: build/bin/llmos --help
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log-probabilities and perplexity of a text under a model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text to score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure prefill and decode speed of a model on this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benchmark a random model of this shape (small or tiny) instead of --model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated batch sizes (default 1,8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt length (default 128).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens to generate (default 128).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs per batch size; the best counts (default 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat with a model in the terminal, using its chat template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send one message, print the reply and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A system message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Jinja chat template file to use instead of the model&apos;s own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label a text with a BERT sequence classifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Hugging Face BertForSequenceClassification folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text to classify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding vectors of texts from a BERT encoder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Hugging Face or sentence-transformers BERT model folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A text to embed; repeat for several.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cls or mean (default: the model folder&apos;s 1_Pooling setting, else mean).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale each vector to unit length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the raw vectors (default unless the folder has a Normalize module).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue a prompt with a language model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokenizer.json, tokenizer.model, a .gguf file or a model folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Hugging Face model folder or a .gguf file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::HomePage</name>
    <message>
        <source>Welcome to LLM OS Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep your language models, run them, fine-tune them and serve them — on this machine, offline, without installing Python.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;What works today&lt;/b&gt;, from a terminal:&lt;ul&gt;&lt;li&gt;&lt;code&gt;llmos inspect PATH&lt;/code&gt; — read a Hugging Face model folder, a .safetensors or a .gguf file: architecture, parameters, tensors;&lt;/li&gt;&lt;li&gt;&lt;code&gt;llmos tokenize --tokenizer PATH --text &quot;…&quot;&lt;/code&gt; — token ids exactly as the model&apos;s own tokenizer gives them;&lt;/li&gt;&lt;li&gt;&lt;code&gt;llmos doctor&lt;/code&gt; — check the compute setup.&lt;/li&gt;&lt;/ul&gt;The pages on the left show what comes next.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::MainWindow</name>
    <message>
        <source>LLM OS Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your model registry: every imported model, fine-tune, adapter and quantized variant, with its files, model card and lineage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until this page arrives, inspect a model from a terminal:
llmos inspect PATH   (a Hugging Face folder, .safetensors or .gguf file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Design a fine-tuning run: pick a model and a dataset, choose full fine-tuning or LoRA, adapters, prefix or prompt tuning, and start it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hyperparameter searches with live loss curves: grid, random, TPE and ASHA/Hyperband, compared side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything running or queued on this machine, with progress, pause and cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small applications on your models: chat playground and arena, classifier, semantic search, stream monitor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve your models on this machine through an OpenAI-compatible API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::PlannedPage</name>
    <message>
        <source>This page is not built yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::SystemSummary</name>
    <message>
        <source>This machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libtorch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BLAS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matrix speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none, running on the CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n CUDA device(s)</source>
        <translation>
            <numerusform>%n CUDA device</numerusform>
            <numerusform>%n CUDA devices</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 GFLOP/s (fp32 matrix multiply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libtorch is using the slow reference BLAS. Install the package libopenblas0-openmp to make models run about 30 times faster.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
