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
    <message>
        <source>usage: llmos models %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, dataset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (nothing registered: an original import)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made from it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (nothing yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No registered model matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No models registered yet. Add one with: llmos models import PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAMILY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PARAMETERS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAGS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>origin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>family:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>architecture:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>parameters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dtype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>license:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (used in place)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model card:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>importing: %1% (%2 of %3) %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 as %2 (%3 files, %4%5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, used in place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1 (%2); %3 freed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lineage of %1 keeps the name %2 without an id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is tagged: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no tags)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lineage of %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old database was kept as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1 models from their manifests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 does not apply to &apos;models %2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Hugging Face model folder, a .gguf file, or the id or name of a registered model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-shard-size: &apos;%1&apos; is not a size like 2GB or 500MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--dtype: &apos;%1&apos; is not one of f32, f16, bf16, q8_0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format: &apos;%1&apos; is not hf or gguf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-shard-size applies to --format hf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--dtype applies to --format gguf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>models needs a subverb: list, show, import, export, rm, tag, lineage or rebuild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown subverb &apos;models %1&apos; (list, show, import, export, rm, tag, lineage, rebuild)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--threads must be between 1 and %1 (the cores of this machine)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: llmos datasets %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-seq-len must be at least 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dataset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sha256:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 read, %2 used, %3 skipped, %4 bad, %5 duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>split:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 training, %2 validation examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token lengths:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no labels left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>labels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad row:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1line %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>... and %1 more bad rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported as %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: llmos datasets show [ID|NAME]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No datasets yet: llmos datasets import PATH --model MODEL records one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KIND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged since it was recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on disk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>datasets needs a subverb: validate, import or show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown subverb &apos;datasets %1&apos; (validate, import, show)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: llmos demo [--json] [--threads N]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo: %1% %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language model %1 (%2): held-out perplexity %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic classifier %1 (%2): %3% accuracy on %4 held-out sayings of %5 topics (chance: %6%).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built in %1 s. Try: llmos generate --model %2 --prompt &quot;Love is&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1  epoch %2  %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evaluation at step %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llmos: pausing the run: saving a checkpoint...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llmos: run %1 is paused; continue it with: llmos runs resume %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llmos: run %1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: llmos runs %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not mark a run as interrupted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet. Runs appear here when a training job starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REASON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[damaged]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (epoch %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last eval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>final:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checkpoints:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recipe:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (unreadable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the metrics of %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs needs a subverb: list, show, resume or export-metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--output does not apply to &apos;runs %1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--threads does not apply to &apos;runs %1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown subverb &apos;runs %1&apos; (list, show, resume, export-metrics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training tokenizer: %1% (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: %2 is negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not one of the special tokens; add --special &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: llmos tokenizer train --input PATH... --vocab-size N --output DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing required option --input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained a byte-level BPE tokenizer of %1 tokens (%2 merges) on %3 documents (%4) in %5 s (%6 MB/s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: llmos train RECIPE.json [--json] [--threads N]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 started; its folder is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trial %1 (run %2): %3</source>
        <translation>trial %1 (run %2): %3</translation>
    </message>
    <message>
        <source>trial %1 at step %2: %3 %4</source>
        <translation>trial %1 at step %2: %3 %4</translation>
    </message>
    <message>
        <source>trial %1 stopped early: %2</source>
        <translation>trial %1 stopped early: %2</translation>
    </message>
    <message>
        <source>trial %1 finished: %2 %3 (%4 s)</source>
        <translation>trial %1 finished: %2 %3 (%4 s)</translation>
    </message>
    <message>
        <source>trial %1 %2: %3</source>
        <translation>trial %1 %2: %3</translation>
    </message>
    <message>
        <source>Sweep %1 stopped after %2 trials; continue it with: llmos sweeps resume %1</source>
        <translation>Sweep %1 stopped after %2 trials; continue it with: llmos sweeps resume %1</translation>
    </message>
    <message>
        <source>Sweep %1 finished: %2 trials; the best is trial %3 with %4 %5. Register it with: llmos sweeps promote %1</source>
        <translation>Sweep %1 finished: %2 trials; the best is trial %3 with %4 %5. Register it with: llmos sweeps promote %1</translation>
    </message>
    <message>
        <source>Sweep %1 finished: %2 trials, none of them succeeded.</source>
        <translation>Sweep %1 finished: %2 trials, none of them succeeded.</translation>
    </message>
    <message>
        <source>Sweep %1 started; its folder is %2</source>
        <translation>Sweep %1 started; its folder is %2</translation>
    </message>
    <message>
        <source>usage: llmos sweep SWEEP.json [--json] [--threads N]</source>
        <translation>usage: llmos sweep SWEEP.json [--json] [--threads N]</translation>
    </message>
    <message>
        <source>usage: llmos sweeps %1</source>
        <translation>usage: llmos sweeps %1</translation>
    </message>
    <message>
        <source>No sweeps yet: llmos sweep SWEEP.json starts one (docs/sweeps.md).</source>
        <translation>No sweeps yet: llmos sweep SWEEP.json starts one (docs/sweeps.md).</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>STRATEGY</source>
        <translation>STRATEGY</translation>
    </message>
    <message>
        <source>TRIALS</source>
        <translation>TRIALS</translation>
    </message>
    <message>
        <source>BEST</source>
        <translation>BEST</translation>
    </message>
    <message>
        <source>sweep %1 (%2): %3, %4; %5 %6</source>
        <translation>sweep %1 (%2): %3, %4; %5 %6</translation>
    </message>
    <message>
        <source>%1 trials: %2 succeeded, %3 stopped early, %4 failed or cancelled, %5 unfinished</source>
        <translation>%1 trials: %2 succeeded, %3 stopped early, %4 failed or cancelled, %5 unfinished</translation>
    </message>
    <message>
        <source>TRIAL</source>
        <translation>TRIAL</translation>
    </message>
    <message>
        <source>STEP</source>
        <translation>STEP</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>Parameter importance: %1</source>
        <translation>Parameter importance: %1</translation>
    </message>
    <message>
        <source>Parameter importance (share of what the parameters explain, from %1 trials):</source>
        <translation>Parameter importance (share of what the parameters explain, from %1 trials):</translation>
    </message>
    <message>
        <source>Registered the best trial of %1 as %2 (%3).</source>
        <translation>Registered the best trial of %1 as %2 (%3).</translation>
    </message>
    <message>
        <source>sweeps needs a subverb: list, show, resume or promote</source>
        <translation>sweeps needs a subverb: list, show, resume or promote</translation>
    </message>
    <message>
        <source>unknown subverb &apos;sweeps %1&apos; (list, show, resume, promote)</source>
        <translation>unknown subverb &apos;sweeps %1&apos; (list, show, resume, promote)</translation>
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
        <source>The text to classify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding vectors of texts from a BERT encoder.</source>
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
        <source>A model id or name, a path to import, a tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list: models whose name, description, architecture or family contains TEXT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list: models of this family (llama, gpt2, bert).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list: models with this tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import: the name to register (default: from the source).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import: a description to keep with the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import: use the files where they are instead of copying them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag: remove the tag instead of adding it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour theme for this run: system, light or dark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rm: remove even when other models were made from it; rebuild: rebuild a database that still opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Hugging Face BertForSequenceClassification folder, or the id or name of a registered one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Hugging Face or sentence-transformers BERT model folder, or the id or name of a registered one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model registry: list, show, import, export, rm, tag, lineage, rebuild.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list, show, import, export, rm, tag, lineage or rebuild.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: hf (a Hugging Face folder) or gguf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: the new folder or .gguf file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: the largest safetensors shard, e.g. 2GB (default 5GB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: how GGUF stores weights: f32, f16 (default), bf16 or q8_0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export: also register the export under this name, with its lineage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Hugging Face model folder, a .gguf file, or the id or name of a registered model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>llmos: could not make the demo models: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute threads (default: every core).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training data: validate a file, import it into the registry, show them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validate, import or show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A data file or folder (show: a dataset id or name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model whose tokenizer (and chat template) counts the tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto, text, jsonl, json, csv or tsv (default auto).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto, text, alpaca, openai, sharegpt or classification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text column or field (default text).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label column (default label).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip and count bad rows instead of refusing the data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longer examples are cut to this many tokens (default 512).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share held out for evaluation (default 0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import: the dataset&apos;s name (default: the file name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the offline demo models from Debian&apos;s fortunes (a few minutes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training and job runs: list, show, resume, export-metrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list, show, resume or export-metrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export-metrics: write the CSV to this file instead of stdout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokenizers: train a byte-level BPE tokenizer from text files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A text file or a folder of them (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plain (default) or fortune: sayings separated by &apos;%&apos; lines, as in fortune(6) files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens in the vocabulary: special tokens, the 256 byte symbols and the merges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never merge a pair seen fewer times (default 0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A special token, ids from 0 in the order given (repeatable; default &lt;|endoftext|&gt; and &lt;|pad|&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The special token that plays this role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest token in bytes (default: no limit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How text is cut into words: gpt2 (default), llama3, qwen2 or a regex.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model_max_length for tokenizer_config.json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder to write the tokenizer files into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a model from a JSON recipe (docs/recipes.md) and register the result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipe file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search hyperparameters: run a sweep file (docs/sweeps.md) of training trials.</source>
        <translation>Search hyperparameters: run a sweep file (docs/sweeps.md) of training trials.</translation>
    </message>
    <message>
        <source>The sweep file.</source>
        <translation>The sweep file.</translation>
    </message>
    <message>
        <source>Hyperparameter sweeps: list, show, resume, promote the best trial.</source>
        <translation>Hyperparameter sweeps: list, show, resume, promote the best trial.</translation>
    </message>
    <message>
        <source>list, show, resume or promote.</source>
        <translation>list, show, resume or promote.</translation>
    </message>
    <message>
        <source>A sweep id.</source>
        <translation>A sweep id.</translation>
    </message>
    <message>
        <source>promote: the registered model&apos;s name (default: the sweep&apos;s name + &quot;-best&quot;).</source>
        <translation>promote: the registered model&apos;s name (default: the sweep&apos;s name + &quot;-best&quot;).</translation>
    </message>
</context>
<context>
    <name>RecoveryNotes</name>
    <message numerus="yes">
        <source>The registry database was rebuilt from the model manifests (%1): %n models restored.</source>
        <translation>
            <numerusform>The registry database was rebuilt from the model manifests (%1): %n model restored.</numerusform>
            <numerusform>The registry database was rebuilt from the model manifests (%1): %n models restored.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not restored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Removed %n leftover files of an operation that did not finish.</source>
        <translation>
            <numerusform>Removed %n leftover file of an operation that did not finish.</numerusform>
            <numerusform>Removed %n leftover files of an operation that did not finish.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n missing model manifests.</source>
        <translation>
            <numerusform>Wrote %n missing model manifest.</numerusform>
            <numerusform>Wrote %n missing model manifests.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>llmos::DeleteModelDialog</name>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 from the registry?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model is used in place: its files stay where they are; only the registry&apos;s record of it goes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its files (%1) are deleted, except those another model shares.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) were made from it. They stay; those made directly from it lose their link to it, and their lineage keeps only its name:</source>
        <translation>
            <numerusform>%n model was made from it. It stays, but loses its link to it; its lineage keeps only its name:</numerusform>
            <numerusform>%n models were made from it. They stay; those made directly from it lose their link to it, and their lineage keeps only its name:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete it anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ExportModelDialog</name>
    <message>
        <source>Export %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hugging Face folder (safetensors, config and tokenizer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest shard:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GGUF file, for llama.cpp and other local runners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F32 (exact, largest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F16 (half the size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q8_0 (8-bit, about a quarter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GGUF export takes Llama, Mistral and Qwen2 models in Hugging Face format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; choose a new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the export as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hugging Face folder (weights dequantized to safetensors, config, tokenizer.json and chat template)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is a GGUF file already</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::LineageView</name>
    <message>
        <source>%1 was deleted; the lineage keeps its name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show %1</source>
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
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ModelActions</name>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a model folder or file (or drop it on the window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model file (.gguf, .safetensors)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the models as a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the models as cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrives with the chat playground; meanwhile: llmos chat --model NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrives with the fine-tuning designer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the model as a Hugging Face folder or a GGUF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the model from the registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the model&apos;s files with what was registered, to find files that changed or are gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild the registry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new registry database from the manifests stored with the models</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ModelDetailsPane</name>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>License</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its files are not as they were imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model has no model card (README.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used in place, where they were imported from</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) stored in the registry</source>
        <translation>
            <numerusform>%n file stored in the registry</numerusform>
            <numerusform>%n files stored in the registry</numerusform>
        </translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lineage recorded: this model was not made from another registered model, and no registered model was made from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a model to see its card, configuration, tensors, files and lineage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ModelEmptyState</name>
    <message>
        <source>No models yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a Hugging Face model folder or a .gguf file onto this window, or use Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;From a terminal&lt;/b&gt;, the same registry:&lt;ul&gt;&lt;li&gt;&lt;code&gt;llmos models import PATH&lt;/code&gt; — register a Hugging Face folder, a .safetensors file with its config, a .gguf file or a PEFT adapter;&lt;/li&gt;&lt;li&gt;&lt;code&gt;llmos models list&lt;/code&gt; — what is registered;&lt;/li&gt;&lt;li&gt;&lt;code&gt;llmos chat --model NAME&lt;/code&gt; — chat with a registered model in the terminal.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or build the demo models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trains two small models on the sayings of Debian&apos;s fortune packages: a language model that writes like them, and a classifier that tells their topics apart. Offline, in about five minutes on a laptop; the window stays usable meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the demo models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ModelFileList</name>
    <message>
        <source>Used in place: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ModelFilterBar</name>
    <message>
        <source>Any size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under 1 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1–10 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over 10 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search names, families, architectures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches part of a model&apos;s name, description, architecture or family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derived from the architecture: …ForCausalLM generates text, …ForSequenceClassification classifies, a bare encoder (BertModel) embeds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ModelLibrary</name>
    <message>
        <source>an unknown error stopped the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Import %n models</source>
        <translation>
            <numerusform>Import %n model</numerusform>
            <numerusform>Import %n models</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the files of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild the model registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the demo models</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ModelOperations</name>
    <message>
        <source>Import a model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model files (*.gguf *.safetensors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files of %1 are as they were when it was registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed: %1</source>
        <translation>
            <numerusform>%n file changed: %1</numerusform>
            <numerusform>%n files changed: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) missing: %1</source>
        <translation>
            <numerusform>%n file missing: %1</numerusform>
            <numerusform>%n files missing: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The files of %1 are not as they were when it was registered. %2. Import it again to register what is there now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild the model registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry&apos;s database is damaged. Rebuilding creates a new one from the manifests stored with each model&apos;s files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The damaged file is kept aside, not deleted. Models, their files, tags and lineage come back; training runs and datasets come back only as names in the lineage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The registry was rebuilt: %n model(s) restored.</source>
        <translation>
            <numerusform>The registry was rebuilt: %n model restored.</numerusform>
            <numerusform>The registry was rebuilt: %n models restored.</numerusform>
        </translation>
    </message>
    <message>
        <source>The damaged database was kept as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not restored: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ModelTableModel</name>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ModelTaskWork</name>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying %1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted; %1 freed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting: %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuilding the registry from the stored manifests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuilt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ModelTensorList</name>
    <message>
        <source>%1 (in %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tensors could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) · %1 parameters · %2 · %3</source>
        <translation>
            <numerusform>%n tensor · %1 parameters · %2 · %3</numerusform>
            <numerusform>%n tensors · %1 parameters · %2 · %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>llmos::ModelText</name>
    <message>
        <source>%1 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fine-tuned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hugging Face folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GGUF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEFT adapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>files changed since import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>files missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fine-tune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the fortunes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning a tokenizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making an untrained model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training the language model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training the topic classifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ModelsPage</name>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 models</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n model</numerusform>
            <numerusform>%n models</numerusform>
        </translation>
    </message>
    <message>
        <source>The model registry could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model registry&apos;s database is damaged: %1
Your models&apos; files are safe; the registry can be rebuilt from the manifests stored with them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo models could not be built: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::NoMatchState</name>
    <message>
        <source>No model matches these filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::PlannedPage</name>
    <message>
        <source>This page is not built yet.</source>
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
        <source>Until this page arrives, chat with a model from a terminal:
llmos chat --model PATH</source>
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
</context>
<context>
    <name>llmos::ProgressDialog</name>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ResourceUsageIndicator</name>
    <message>
        <source>CPU %1 · llmos %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory %1 / %2 · llmos %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 busy, %3 of %4 memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n GPUs, busiest %1 · %2</source>
        <translation>
            <numerusform>%n GPU, busiest %1 · %2</numerusform>
            <numerusform>%n GPUs, busiest %1 · %2</numerusform>
        </translation>
    </message>
    <message>
        <source>CPU use: the whole machine, and this program&apos;s share of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory: in use on the machine, its total, and what this program holds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::RunningJobsIndicator</name>
    <message>
        <source>No jobs running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n jobs running</source>
        <translation>
            <numerusform>%n job running</numerusform>
            <numerusform>%n jobs running</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the jobs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::SettingsPage</name>
    <message>
        <source>Choose the data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a full path, such as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> of %1 cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many CPU threads model code uses. Applies at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto: a CUDA GPU when there is one, else the CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking which devices this machine has…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA was chosen, but this build or machine has no CUDA GPU, so models run on the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build or machine has no CUDA GPU, so models run on the CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by models loaded from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models, runs and datasets are kept here. The environment variable LLMOS_HOME (%1) is set and wins over this setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models, runs and datasets are kept here. The new folder is used after the workbench restarts; until then %1 stays in use. Nothing is moved from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models, runs and datasets are kept here. A change takes effect after the workbench restarts.</source>
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
<context>
    <name>llmos::TagEditor</name>
    <message>
        <source>Remove the tag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a tag and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::TaskRunner</name>
    <message>
        <source>an unknown error stopped the task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the task failed without saying why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
