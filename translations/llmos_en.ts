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
    <message>
        <source>reading weights of that size: %1 GB/s; batch-1 bound %2 tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--port must be between 0 and 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-tokens-cap must be at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Serving %n model(s) on http://%1:%2/v1 (Ctrl-C stops)</source>
        <translation>
            <numerusform>Serving %n model on http://%1:%2/v1 (Ctrl-C stops)</numerusform>
            <numerusform>Serving %n models on http://%1:%2/v1 (Ctrl-C stops)</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--unload-after must be 0 (never) or a number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--save-model needs --shape small|tiny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the random model to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-requests-per-key must be between 0 (no cap) and 1024</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-upload-mb must be between 1 and 65536</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2: %3 examples (%4 skipped), %5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confusion matrix (rows: actual, columns: predicted):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  asked: %1
  wanted: %2
  answered: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit must be at least 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-new-tokens must be between 1 and 4096</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evaluating: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no evaluation yet; run: llmos eval --model %1 --data FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compare needs two or more report ids (see: llmos eval list --model M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: these reports were made on different data; their figures do not compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown eval verb &apos;%1&apos;: use list or compare, or none to evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: prefill %2 tokens/s, decode %3 tokens/s, first token after %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--quantize must be 8 or 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantized, batch %1 (%2x decode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantized weights read per decode step: %1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 texts in %2 s: %3 texts/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either --text STR or --file FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--bits must be 8 or 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--group must be a multiple of 32 (32 to 4096)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--group goes with --bits 4; int8 has one scale per output channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quantizing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measuring the original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measuring the quantized model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  size      %1 -&gt; %2 (%3x smaller)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  decoding  %1 -&gt; %2 tokens/s (%3x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  agreement %1% of %2 next-token choices match the original&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  perplexity %1 -&gt; %2 (%3%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registered %1 (%2): %3 quantization of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--drop-layers: &apos;%1&apos; is not a layer number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--sparsity must be between 0 and 0.95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pruning and measuring (%1%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registered %1 (%2), pruned from %3: layers removed: %4; weights zeroed: %5%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  parameters %1 -&gt; %2 (zeros not counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--pooling: &apos;%1&apos; is not cls, mean or last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an ensemble needs two or more --model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ensemble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classifying: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 examples (%3 skipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either --text STR or --data FILE</source>
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
        <source>The text to classify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A text to embed; repeat for several.</source>
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
    <message>
        <source>Serve models over an OpenAI-compatible HTTP API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1; any other needs an API key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port (default 8080; 0: any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model to serve: a folder, a GGUF file, or a registered id or name; repeat for more (default: every registered model).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key clients must send (Authorization: Bearer KEY), allowed everything; repeat for more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key allowed only the /v1 inference endpoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Host name clients may use (the server refuses unknown names against DNS rebinding).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A web origin allowed to call the API from a browser (default: none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most tokens one request may generate (default 4096).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unload a model no request has used for this many seconds (default 600; 0: never).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only write the --shape model&apos;s random weights and tokenizer into DIR (for other benchmarks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests one API key may have in progress at once (default 8; 0: no cap).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The largest file /v1/files accepts, in MiB (default 100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate a model on a dataset (perplexity, classification or generation); list and compare the reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model folder, or the id or name of a registered one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dataset file to evaluate on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>perplexity (default), classification or generation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classification: the text column (default text).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>classification: the label column (default label).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate at most this many rows (blocks, for perplexity).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generation: the longest answer (default 128).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list (--model M) or compare ID ID...; none: evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also measure the model quantized to 8 bits, or to 4 bits in groups of 32, in the same run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label a text with a sequence classifier (BERT, GPT-2 or Llama family).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Hugging Face *ForSequenceClassification folder (or a BERT classifier GGUF), or the id or name of a registered one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify every line of this file (one text a line) in batches; prints the texts per second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new model&apos;s name (default: the source&apos;s name with a suffix saying what was done).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A text dataset to compare perplexity on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perplexity over at most this many rows (default 200).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove whole layers of a registered model, or zero its smallest weights, and register the result with its size and quality change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id or name of a registered GPT-2 or Llama-family model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoder layers to remove, counted from 0, comma-separated (depth pruning).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of each layer matrix to set to zero, the smallest weights first (0 to 0.95).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantize a registered model&apos;s weights (int8 per channel, or 4-bit in groups) and register the smaller model with its size, speed and quality change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id or name of a registered Llama-family model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8 (default) or 4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4-bit: columns per scale, a multiple of 32 (default 32).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the output layer (LM head) in floating point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedding vectors of texts from a BERT encoder or a decoder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Hugging Face or sentence-transformers model folder (BERT, or a decoder), or the id or name of a registered one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cls, mean or last (default: the model folder&apos;s 1_Pooling setting, else mean).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify with several classifiers at once, averaging their probabilities; on a labelled file, report the ensemble against each member.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A classifier (folder, id or name); give two or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One text to classify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A labelled file to evaluate the ensemble on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text column (default text).</source>
        <translation type="unfinished"></translation>
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
    <name>llmos::ApiKeyDialog</name>
    <message>
        <source>New API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the models (the /v1 endpoints)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything, also manage models and jobs (/api)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the key now: this is the only time it is shown. The workbench keeps only a fingerprint of it, so a lost key cannot be recovered, only removed and replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients send it as the header &quot;Authorization: Bearer KEY&quot;; the OpenAI libraries take it as their api_key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::AppCatalog</name>
    <message>
        <source>Chat playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk with a model: system prompt, sampling settings, streamed answers you can stop, regenerate or edit, with token counts and speed. Conversations are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on generative models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on classifier models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arena</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One prompt to two to four models side by side (a base model against its fine-tune, say), with an optional blind vote kept as evaluation data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label a text (sentiment, topic...) with each label&apos;s probability and a decision threshold, or every row of a CSV file, with accuracy, F1 and a confusion matrix when it has labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch a growing file of posts or messages, classify each new one, chart the labels over time and raise an alert when a label&apos;s share crosses a threshold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semantic search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search a folder of text files or a column of a table by meaning, with the passages that match and &quot;more like this&quot; from any result. The index is kept and updated as files change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs on embedding models (or a language model)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::AppsPage</name>
    <message>
        <source>Apps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small applications on the models in your library. They run on this computer, through the same engine as the API server, and need no network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← All apps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none registered yet: import one on the Models page</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n registered</source>
        <translation>
            <numerusform>%n registered</numerusform>
            <numerusform>%n registered</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ArenaApp</name>
    <message>
        <source>No chat model is registered yet. Import one on the Models page (or make the demo models with &apos;llmos demo&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 %n win(s)</source>
        <translation>
            <numerusform>%1 %n win</numerusform>
            <numerusform>%1 %n wins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tie(s)</source>
        <translation>
            <numerusform>%n tie</numerusform>
            <numerusform>%n ties</numerusform>
        </translation>
    </message>
    <message>
        <source>No votes yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votes so far: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) · %1 tokens/s</source>
        <translation>
            <numerusform>%n token · %1 tokens/s</numerusform>
            <numerusform>%n tokens · %1 tokens/s</numerusform>
        </translation>
    </message>
    <message>
        <source>(no answer: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell me something wise about work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vote could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blind (hide the names until you vote)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One prompt, sent to every model above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tie</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ArenaVotes</name>
    <message>
        <source>cannot create the folder of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ChartToolBar</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run has reported no metrics yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics on the chart: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the x axis counts. Wall time leaves out the time a run was paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exponential moving average, debiased as in TensorBoard; the raw curve stays faint behind the smoothed one. 0 shows the raw values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logarithmic x axis; points at or below zero are left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logarithmic y axis; values at or below zero are left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symbols along the bottom of the chart for checkpoints, evaluations, pauses and resumes; hover over one to read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints (flag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluations (triangle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pauses and resumes (bars, arrow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every point again (or double-click the chart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV data, full resolution…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ChatPlayground</name>
    <message>
        <source>No answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That conversation could not be read; it may have been removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 prompt tokens · %2 generated · %3 tokens/s · first token after %4 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cut at the token limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell me something wise about work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conversation could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a model on the right, write a message below and press Send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your message (Ctrl+Enter sends)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask again for the last answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the last question back into the box to change it and send it again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ChatSettingsPanel</name>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chat model is registered yet. Import one on the Models page (or make the demo models with &apos;llmos demo&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the assistant should behave (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 always picks the most likely token; higher values give more varied answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample only from the most likely tokens whose probabilities add up to this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample only from this many most likely tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same seed, settings and conversation give the same answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per line: the answer ends before any of these</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ClassifiedRowsModel</name>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ClassifierApp</name>
    <message>
        <source>No classifier is registered yet. Import one on the Models page (or make the demo models with &apos;llmos demo&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was not classified: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text was not classified: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read</source>
        <translation>
            <numerusform>%n row read</numerusform>
            <numerusform>%n rows read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable row(s) left out</source>
        <translation>
            <numerusform>%n unreadable row left out</numerusform>
            <numerusform>%n unreadable rows left out</numerusform>
        </translation>
    </message>
    <message>
        <source>only the first %1 rows are used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results were exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The results were not exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file of texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.jsonl *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sure: the most likely label, %1, has %2%, below the threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n text(s) classified</source>
        <translation>
            <numerusform>%n text classified</numerusform>
            <numerusform>%n texts classified</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accuracy %1% · macro-F1 %2 over %n labelled text(s)</source>
        <translation>
            <numerusform>Accuracy %1% · macro-F1 %2 over %n labelled text</numerusform>
            <numerusform>Accuracy %1% · macro-F1 %2 over %n labelled texts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with a label the model does not have left out</source>
        <translation>
            <numerusform>%n row with a label the model does not have left out</numerusform>
            <numerusform>%n rows with a label the model does not have left out</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows: the actual label; columns: the predicted one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classifier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide above:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below this probability the answer is &quot;not sure&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A text to classify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSV, TSV or JSON Lines file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask e-mail addresses, phone, card and ID numbers in the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::CloseGuard</name>
    <message>
        <source>Runs are still going</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tuning runs are still going. What should happen to them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused runs save a checkpoint and can be resumed later from the Jobs page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep running in the background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause them and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing runs: saving checkpoints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause runs and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LLM OS Workbench: no runs going</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>LLM OS Workbench: %n run(s) going</source>
        <translation>
            <numerusform>LLM OS Workbench: %n run going</numerusform>
            <numerusform>LLM OS Workbench: %n runs going</numerusform>
        </translation>
    </message>
    <message>
        <source>LLM OS Workbench: runs are going</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::CompareReportsDialog</name>
    <message>
        <source>Compare evaluations on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the kept reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reports could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other model has a %1 report on this data (%2) yet. Evaluate another model on the same file to compare them here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n %1 report(s) on the same data (%2). Bold: the best of each row.</source>
        <translation>
            <numerusform>%n %1 report on the same data (%2). Bold: the best of each row.</numerusform>
            <numerusform>%n %1 reports on the same data (%2). Bold: the best of each row.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>llmos::ConversationStore</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::DatasetReportText</name>
    <message>
        <source>This file cannot be used as it is: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It reads as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 rows can be used: %3 to learn from and %4 kept aside to check the model on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) have a problem and are left out:</source>
        <translation>
            <numerusform>%Ln row has a problem and is left out:</numerusform>
            <numerusform>%Ln rows have a problem and are left out:</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) repeat an earlier one word for word (kept; worth a look).</source>
        <translation>
            <numerusform>%Ln row repeats an earlier one word for word (kept; worth a look).</numerusform>
            <numerusform>%Ln rows repeat an earlier one word for word (kept; worth a look).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln example(s) are longer than the length limit and will be cut at the end.</source>
        <translation>
            <numerusform>%Ln example is longer than the length limit and will be cut at the end.</numerusform>
            <numerusform>%Ln examples are longer than the length limit and will be cut at the end.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln example(s) have the whole answer past the length limit and are left out.</source>
        <translation>
            <numerusform>%Ln example has its whole answer past the length limit and is left out.</numerusform>
            <numerusform>%Ln examples have the whole answer past the length limit and are left out.</numerusform>
        </translation>
    </message>
    <message>
        <source>Labels: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>instructions with answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>texts with labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recognised</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::DatasetStep</name>
    <message>
        <source>Choose training data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training data (*.csv *.tsv *.jsonl *.ndjson *.json *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the examples to learn from: a CSV or TSV table, JSON Lines, a JSON list, or plain text. The first rows are shown below, and the whole file is checked before anything runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used before…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data files that earlier fine-tunes trained on.</source>
        <translation type="unfinished"></translation>
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
    <name>llmos::DesignerFile</name>
    <message>
        <source>Could not open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large for a recipe or sweep file (over %2 MiB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::EvaluateDialog</name>
    <message>
        <source>Evaluate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A text, CSV, TSV or JSON Lines file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perplexity (how well it predicts the text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification (accuracy, F1, confusion matrix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation (BLEU and ROUGE-L against reference answers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data to evaluate on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data (*.txt *.csv *.tsv *.jsonl *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text: lower is better. Use text the model did not train on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instruction or chat rows whose last answer is the reference; answers are greedy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows with a text and a label the model knows (a classifier).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ExperimentsPage</name>
    <message>
        <source>The search stopped with an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promote the best trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register the best trial&apos;s model under the name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the searches: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This search cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 trials: %2 finished, %3 stopped early, %4 failed, %5 to go or running. Goal: %6 %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lowest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>highest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best: trial %1 with %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What mattered most: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trial %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering the best trial&apos;s model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not promote the best trial: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The best trial is registered as &quot;%1&quot;; it is on the Models page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hyperparameter searches: many short runs of one recipe with different settings, compared. Pick a search to see its trials, click trials to overlay their curves, and register the best one as a model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the search&apos;s trials; Resume continues it where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promote best…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register the best finished trial&apos;s model or adapter in the model registry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best</source>
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
    <name>llmos::FileTail</name>
    <message>
        <source>the folder is not there</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::FineTunePage</name>
    <message>
        <source>Starting the search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting: checking the model and the data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the recipe of run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teach a model from your own examples. The guided path asks four questions and recommends the rest; the advanced view shows every setting; a search tries many settings and keeps the best.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try many settings of the advanced view&apos;s recipe and keep the best.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start fine-tuning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::GuidedFineTune</name>
    <message>
        <source>about a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out what this run will take on this machine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run cannot be planned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 passes over %2 examples: %3 steps of %4 examples, checked against the kept-aside examples every %5 steps. Estimated time on this machine: %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1 while training; %2 is free for it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To fit, it takes %1 examples at a time and adds up %2 of them before each update (the same learning, more slowly).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run needs about %1 but only %2 is free, even learning from one example at a time. Pick a smaller model, or close other programs and come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review and start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which model should learn?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should it learn from?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should it learn to do?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the plan and start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teach a style or knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model reads your texts and learns to write like them and to know what they say. Use plain text, or a table with a text column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model learns to answer the way your examples answer: rows with an instruction and its answer, or whole chat conversations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model learns to put a text into one of your labels (spam or not, topic, mood). Use a table with a text column and a label column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The choice was suggested by what your data looks like.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the result:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in the advanced view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every setting of this recipe, to change before starting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start fine-tuning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full fine-tuning: all %1 weights of the model are trained. The result is a new model; the original stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LoRA (rank %1): small add-on matrices are trained, %2 weights (%3 % of the model&apos;s), and the model itself stays frozen. The result is an adapter on top of %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::JobCenter</name>
    <message>
        <source>Could not read the events of run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run could not start: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not pause the run: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not resume the run: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not cancel the run: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not retry the run: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search could not start: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::JobListModel</name>
    <message>
        <source>%1 of %2 steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::JobsPage</name>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop at the next step and save a checkpoint; Resume continues from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue a paused or interrupted run from its last checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the run for good. Its curves and log are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the same recipe again as a new run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From its last checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate and change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this run&apos;s recipe in the Fine-tune designer to change one thing and start it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the runs folder again, to see runs started from a terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet. Start one from the Fine-tune page; it appears here with its curves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::LeaderboardModel</name>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
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
    <message>
        <source>&quot;%1&quot; is offered by the API server. Stop offering it on the Server page (Models tab) or stop the server, then delete it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::MetricChartPanel</name>
    <message>
        <source>%1 (right axis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one or more runs to see their training curves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a metric to plot from the Metrics menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No points yet: the chart fills in as the run reports its first steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These runs report no tokens seen: choose another x axis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No points in this part of the chart. Double-click it to see them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to draw on a log scale: every value here is zero or below. Turn off Log x or Log y.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens seen (thousands)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens seen (millions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens seen (billions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall time (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall time (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall time (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint saved at step %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluated at step %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted after step %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused after step %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed after step %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported from LLM OS Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file could not be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the data could not be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the chart as a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the chart as an SVG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the chart&apos;s data as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2. Choose another folder or free some space, then export again.</source>
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
        <source>Fine-tune</source>
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
    <message>
        <source>Teach this model from your own examples on the Fine-tune page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat with this model in the chat playground (Apps page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure the model on a dataset: perplexity, accuracy and F1, or BLEU and ROUGE-L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantize…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a smaller, faster copy of the model with 8-bit or 4-bit weights</source>
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
    <message>
        <source>Evaluations</source>
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
    <name>llmos::ModelEvaluations</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evaluation yet. From a terminal: llmos eval --model &quot;%1&quot; --data FILE [--task perplexity|classification|generation]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a report and press Compare… to set it beside other models&apos; reports on the same data. Its id, for llmos eval compare, is in its tooltip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected report and every registered model&apos;s report on the same data, side by side</source>
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
    <message>
        <source>Quantize %1</source>
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
    <message>
        <source>Evaluating %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2: %3 (kept on the Evaluations tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered %1: %2 times smaller, decoding %3 times as fast, %4% of next-token choices as the original&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; perplexity %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ModelPicker</name>
    <message>
        <source>No model to fine-tune yet. Import a Hugging Face model folder on the Models page (or make the demo models there), then come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the model to start from. Smaller models train faster; the result is saved as a new model and the original stays as it is.</source>
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
    <message>
        <source>Quantized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantizing and saving the weights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring the original (speed, answers)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measuring the quantized model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering the quantized model…</source>
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
    <message>
        <source>prune</source>
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
    <name>llmos::ParallelCoordinates</name>
    <message>
        <source>Each trial becomes a line across its parameters and its result once trials have run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best at the top of the last axis; dashed: stopped early</source>
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
    <name>llmos::QuantizeDialog</name>
    <message>
        <source>Quantize %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stores the model&apos;s weights in fewer bits: a smaller file that answers faster on this computer&apos;s processor. The original stays as it is; the new model is registered next to it, with what changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8-bit: about 4 times smaller, nearly the same answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4-bit: about 7 times smaller, answers change more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New model&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: text to compare perplexity on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text to compare perplexity on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data (*.txt *.csv *.tsv *.jsonl *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One scale per output channel. Choose this unless the smallest size matters most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One scale per %1 weights. Check the answers in the playground before relying on it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::RecipeFieldEditor</name>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: a model folder, a GGUF file or a library name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a whole number, such as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number, such as 0.1 or 2e-4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number; separate the numbers with commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number; separate the numbers with commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::RecipeFields</name>
    <message>
        <source>Base model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model to start from: a Hugging Face model folder, a GGUF file, or the name or id of a model in your library. Training never changes it; the result is saved as a new model or adapter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your examples: a .txt, .jsonl, .json, .csv or .tsv file, or a folder of .txt files. The layout and the kind of rows are detected unless you set them below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the file is laid out. Automatic goes by the file&apos;s extension; set it when the extension is misleading, such as a .txt file that holds JSON lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (from the extension)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What each row means: plain text to continue, instructions with answers (Alpaca), chat conversations (OpenAI messages or ShareGPT), or a text with its label (classification). Automatic looks at the first good row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (from the first row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions (Alpaca)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat (OpenAI messages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat (ShareGPT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texts with labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column or JSON field that holds the text. Change it when your file calls it something else, such as &quot;sentence&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification only: the column or field that holds each example&apos;s label, such as &quot;topic&quot; or &quot;sentiment&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do with rows that cannot be read, such as a broken line or a missing field. Stopping lists them all, so no data is lost without you knowing; skipping leaves them out and counts them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop and list them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip and count them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating text teaches the model to continue text or answer instructions; classifying teaches it to pick one label per text. Classifying needs data with a label column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate text (causal language model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much of the model is trained. Full fine-tuning changes every weight: the most memory, often the best result. LoRA trains small add-on matrices: far less memory, usually nearly as good, and the result is a small adapter. The others are lighter variants. When unsure, pick LoRA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full fine-tuning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full, with some layers frozen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BitFit (biases only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottleneck adapters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix tuning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt tuning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frozen layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many of the first layers keep their weights. Freezing the lower layers saves memory and protects what the model already knows; a common choice is half of the layers. Give this, the frozen parts, or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frozen parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts of the model that keep their weights, separated by commas: &quot;embeddings&quot;, &quot;lm_head&quot;, or any part of a weight&apos;s name, such as &quot;self_attn&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The size of LoRA&apos;s add-on matrices. Higher learns more but uses more memory and can overfit small data. Typical: 8 or 16; 4 for tiny datasets, 32 to 64 for hard tasks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdaLoRA gives every layer this rank at first, then moves the budget to the layers that matter most. Typical: one and a half times the target rank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The average rank per layer that AdaLoRA ends with; not above the starting rank. Typical: 8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alpha (strength)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How strongly the adapter&apos;s update is applied: it is scaled by alpha divided by the rank. A common choice is twice the rank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rank for LoRA, 8 for AdaLoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adapter dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Randomly leaves out part of the adapter&apos;s input while training, against overfitting. 0.05 to 0.1 helps on small datasets; 0 on large ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the usual attention layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank-stabilised scaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scales the update by alpha divided by the square root of the rank (rsLoRA), which keeps high ranks learning well. Turn it on with a rank of 32 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps before reallocating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps of plain training before AdaLoRA starts moving rank between layers. Typical: 5 to 10% of all steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final steps at a fixed rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last steps, during which the rank budget no longer changes. Typical: 10 to 20% of all steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps between reallocations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often AdaLoRA decides again which layers get rank. Typical: 1 to 10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importance smoothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How slowly AdaLoRA&apos;s estimate of each weight&apos;s importance changes (a moving average). The default rarely needs changing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncertainty smoothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same smoothing for how uncertain that estimate is. The default rarely needs changing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orthogonality weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps AdaLoRA&apos;s matrices close to orthogonal, which makes taking rank away safe. The default rarely needs changing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottleneck size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The width of each adapter&apos;s bottleneck. Larger learns more and uses more memory. Typical: 16 to 128.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The non-linearity inside each adapter. ReLU is the classic choice; GELU or SiLU match most modern models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many trained tokens are put before every input. More can learn more but leave less room for your text. Typical: 10 to 30 for prompt tuning, 10 to 50 for prefix tuning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train through a small network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trains the prefix through a small network, as the original paper does: often steadier, at the cost of more memory while training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hidden width of that small network; used only when it is on. Typical: 512.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the virtual tokens start: random, or as the words of a text that describes the task, which often trains faster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From a text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text the virtual tokens start from when they start from a text, such as &quot;Classify the topic of this question:&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting token ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instead of a text, the token ids to start from, separated by commas. Rarely needed: the starting text is turned into tokens for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule that turns what the model got wrong into weight changes. AdamW is the safe choice for fine-tuning language models; SGD needs a higher learning rate and usually momentum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How big a step the model takes per update. Too high and the loss jumps or becomes NaN; too low and it learns slowly. LoRA: 1e-4 to 3e-4; full fine-tuning: 1e-5 to 5e-5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2e-4 for LoRA, AdaLoRA, adapters and prefixes; 3e-3 for prompts; 5e-5 otherwise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulls the weights gently towards zero at every step, against overfitting. Typical: 0.01 with AdamW; 0 is fine for LoRA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam betas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam and AdamW only: how much the optimizer averages past updates (first number) and their sizes (second), both below 1. 0.9, 0.999 suits most runs; 0.9, 0.95 can steady a large model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epsilon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tiny number that keeps Adam, AdamW, Adagrad and RMSprop from dividing by zero. Leave it unless the loss becomes NaN in bf16; then try 1e-6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SGD and RMSprop only: keeps part of the previous update, which smooths and speeds up training. Typical with SGD: 0.9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SGD with momentum only: a look-ahead form of momentum that often gets there a little faster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scales down updates that would be larger than this, so one odd batch cannot wreck the model. 1.0 is the usual value; 0 turns clipping off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the learning rate changes after the warm-up: it stays flat, falls in a straight line to zero, or falls along a cosine curve. Falling schedules usually end with a better model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cosine decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm-up steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps at the start during which the learning rate rises from zero, which avoids early jumps in the loss. Give steps or a share, not both. Typical: 3 to 10% of all steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm-up share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The warm-up as a share of all steps, such as 0.06 for 6%. Give this or warm-up steps, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum length (tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longer examples are cut to this many tokens. Longer needs much more memory: pick the length of a typical example, such as 128 for short texts and 512 to 2048 for documents or chats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times training goes over all your examples. Typical: 1 to 3 for large datasets, 3 to 10 for small ones; watch the validation loss for overfitting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When above 0, training stops after this many updates, whatever the epochs say: handy for quick tries and for sweeps. 0: the epochs decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples processed together in one pass. Larger is faster per example but needs more memory; if memory runs out, halve it and double the gradient accumulation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient accumulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batches added up before each update, so the effective batch is the batch size times this, without the memory of a larger batch. Typical: 1 to 8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds the starting values of new weights, the order of the examples and dropout. On the CPU the same recipe and seed give the same loss curve; change it to see how much results vary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of your examples held back to measure progress on data the model does not train on. Typical: 0.1; 0.2 for small datasets. Early stopping and sweeps need it above 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decides which examples are held back for validation. Keep it to compare runs on the same split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate every (steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measures the validation loss every this many steps, so overfitting shows while it happens. 0: only at the end. Early stopping needs it above 0. Typical: 50 to 500.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a checkpoint every (steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves the training state every this many steps, so a crash or a pause loses little. 0: only when you pause or cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many of the newest checkpoints stay on disk; older ones are deleted to save space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops the run when the validation result has not improved for a while, which saves time and avoids overfitting. Needs a validation share above 0 and evaluations during training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watched result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The measure that must keep improving. Accuracy and macro F1 need a classification task; macro F1 is the better judge when some labels are rare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macro F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patience (evaluations)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many evaluations in a row without improvement before the run stops. Typical: 3 to 5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Better is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether lower or higher values are better. Automatic knows: losses go down, scores go up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Randomly switches off parts of the model while training, against overfitting. Typical: 0.1 for small datasets, 0 (none) for large ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adversarial training (FGM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trains every batch a second time with slightly disturbed word embeddings, which makes the model more robust. About doubles the time per step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disturbance size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far the embeddings are pushed. Typical: 0.5 to 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text augmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds altered copies of each training example (words deleted, swapped or replaced by synonyms), against overfitting on a small dataset. Plain text and classification data only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies per example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many altered copies are added per training example. Typical: 1 to 4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chance that each word of a copy is left out. Typical: 0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word swaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many pairs of words change places in each copy. Typical: 1 or 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synonym file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: a text file of interchangeable words, one group per line separated by commas, such as &quot;big, large, huge&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synonym rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chance that a word with a synonym is replaced by one. Needs a synonym file. Typical: 0.1 to 0.2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Augmentation seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeds the random changes: the same seed gives the same copies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the run computes. Automatic uses the first GPU when there is one, else the CPU. Pick a GPU by number on a machine with several.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (a GPU when there is one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number format of the heavy sums. bf16 is faster and needs less memory on a modern GPU, with nearly the same results; fp32 is exact, and the only way to repeat a run bit for bit on a GPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (bf16 on a GPU, fp32 on the CPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fp32 (exact)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bf16 (faster, less memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recompute to save memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation checkpointing: keeps less in memory during training and recomputes it when needed, for about a third more compute. Turn it on when a long maximum length does not fit in memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name of the trained model or adapter in your library. Empty: the run picks one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge the adapter into the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adapter methods only: folds the trained adapter into the base model and saves a whole model, which is easier to share and serve but much larger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to the model library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds the result to your model library when the run ends. Off: it stays in the run&apos;s folder, as sweeps do with their trials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model and data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch and length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation and checkpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which kinds of layer get an adapter, separated by commas (such as &quot;q_proj, v_proj&quot;), or &quot;all-linear&quot; for all of them. Empty: the usual attention layers of the model&apos;s family. More modules learn more and use more memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only these layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The numbers of the layers whose target modules get an adapter, separated by commas (the first layer is 0). Empty: every layer. The upper layers alone often learn a style with less memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask private data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaces e-mail addresses, phone, card and ID numbers in the examples with [EMAIL], [PHONE], [CARD] and [ID] as they are read, so the model never learns them. Your file is not changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::RecipeForm</name>
    <message>
        <source>Open recipe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a recipe file, as `llmos train` runs it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save recipe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the recipe as a file that `llmos train` runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also kept from the loaded recipe, not checked here: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required: choose a file or folder, or type its path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipe is complete: `llmos train` can run it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipe is not complete yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipes (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the recipe</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::RequestLogModel</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
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
    <name>llmos::SearchApp</name>
    <message>
        <source>No model is registered yet. Import an embedding model (a sentence-transformers folder) on the Models page, or make the demo models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no columns to read text from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More like this</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s) from %1 document(s) indexed: %2 embedded, %3 kept from before.</source>
        <translation>
            <numerusform>%n passage from %1 document(s) indexed: %2 embedded, %3 kept from before.</numerusform>
            <numerusform>%n passages from %1 document(s) indexed: %2 embedded, %3 kept from before.</numerusform>
        </translation>
    </message>
    <message>
        <source>Results for “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder of text files to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A table of texts to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not indexed yet: choose a model and press Index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>An index of %n passage(s) is kept for this source; Index again to bring it up to date.</source>
        <translation>
            <numerusform>An index of %n passage is kept for this source; Index again to bring it up to date.</numerusform>
            <numerusform>An index of %n passages is kept for this source; Index again to bring it up to date.</numerusform>
        </translation>
    </message>
    <message>
        <source>The kept index could not be read (%1); Index to make it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading and embedding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, row %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>similarity %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An embedding model turns each passage into a vector; a language model works too, less well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no folder or table chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embed the passages (only new or changed text when an index is kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask in your own words; results are ranked by meaning, not by exact words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ServerConfigPanel</name>
    <message>
        <source>The registered models could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other computers may only use the server with an API key: make one under API keys, or serve this computer only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No models are registered yet: import one on the Models page, or build the demo models there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients name a model by its registered name. Adapters are not listed: serve the model merged with one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the key &quot;%1&quot;? Clients that use it will be refused from the next start of the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits and alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer only (127.0.0.1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other computers too (needs an API key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any free port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every registered model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unload a model unused for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most tokens per answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert when failed requests exceed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert when the first token takes over:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the server to change its address, keys and limits. Models can be switched on and off while it runs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ServerLivePanel</name>
    <message>
        <source>%1 / %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requests per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latency: median / slowest 5%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokens per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first token, slowest 5%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last ten minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests (newest first; the figures cover the last minute)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ServerPage</name>
    <message>
        <source>The server did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than %1% of the last minute&apos;s requests failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the slowest 5% waited over %1 ms for their first token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Serving %n model(s) at %1/v1</source>
        <translation>
            <numerusform>Serving %n model at %1/v1</numerusform>
            <numerusform>Serving %n models at %1/v1</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping: requests in progress are cancelled…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve your models on this machine through an OpenAI-compatible API: any OpenAI client, curl or chat front end can use them. It listens on this computer only unless you choose otherwise, and then only clients with an API key are let in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::ServerStatusIndicator</name>
    <message>
        <source>API server alert: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests failed in the last minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers were slow to start in the last minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Server page</source>
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
    <name>llmos::StreamMonitor</name>
    <message>
        <source>A file that grows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streams (*.jsonl *.ndjson *.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No classifier is registered yet. Import one on the Models page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New items were not classified: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>items</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Alert: &quot;%1&quot; is %2% of the last %n item(s), above %3%</source>
        <translation>
            <numerusform>Alert: &quot;%1&quot; is %2% of the last item, above %3%</numerusform>
            <numerusform>Alert: &quot;%1&quot; is %2% of the last %n items, above %3%</numerusform>
        </translation>
    </message>
    <message>
        <source>No alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Watching: %n item(s) so far</source>
        <translation>
            <numerusform>Watching: %n item so far</numerusform>
            <numerusform>Watching: %n items so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %n item(s)</source>
        <translation>
            <numerusform>Stopped: %n item</numerusform>
            <numerusform>Stopped: %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable line(s) left out</source>
        <translation>
            <numerusform>%n unreadable line left out</numerusform>
            <numerusform>%n unreadable lines left out</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classifier:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text field:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert when the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is above </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of the last </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items by label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder where new files arrive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A JSON Lines, CSV or text file that grows, or a folder where text files arrive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::SweepDesigner</name>
    <message>
        <source>Sweep name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base recipe from a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every trial starts from this recipe and changes only the parameters below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters to vary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open sweep…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save sweep…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts the trials; the sweep&apos;s progress shows under Jobs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the base recipe first: the recipe every trial starts from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only these methods read it: %1; the sweep tries none of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base recipe&apos;s method sets %1, which %2 does not read: add %1 as a parameter too, or take it out of the recipe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one parameter to vary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the base recipe, %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sweep is complete: `llmos sweep` can run it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No base recipe yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n epoch(s)</source>
        <translation>
            <numerusform>%n epoch</numerusform>
            <numerusform>%n epochs</numerusform>
        </translation>
    </message>
    <message>
        <source>Base recipe: %1 on %2, %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sweep is not complete yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the base recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipes (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base recipe: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sweeps (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the sweep</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::SweepEstimateText</name>
    <message numerus="yes">
        <source>%n trial(s); the estimate follows once the sweep is complete.</source>
        <translation>
            <numerusform>%n trial; the estimate follows once the sweep is complete.</numerusform>
            <numerusform>%n trials; the estimate follows once the sweep is complete.</numerusform>
        </translation>
    </message>
    <message>
        <source>The estimate follows once the sweep is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n trial(s). Steps per trial are not known yet: the recipe trains by epochs.</source>
        <translation>
            <numerusform>%n trial. Steps per trial are not known yet: the recipe trains by epochs.</numerusform>
            <numerusform>%n trials. Steps per trial are not known yet: the recipe trains by epochs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trial(s) × %1 steps = %2 training steps at most.</source>
        <translation>
            <numerusform>%n trial × %1 steps = %2 training steps at most.</numerusform>
            <numerusform>%n trials × %1 steps = %2 training steps at most.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping weak trials early: about %1 steps (%2% of that) if results come in no particular order; a strategy that learns finds more trials worth going on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median stopping saves what the results allow; it cannot be told in advance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1 at %2 s per step, one trial at a time (trials side by side share the machine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time limit (%1) ends it sooner.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::SweepParameterModel</name>
    <message>
        <source>Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decimal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept from the sweep file as it was: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values to try, separated by commas, from: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values to try, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log spreads the draws evenly over powers of ten: as many between 0.0001 and 0.001 as between 0.001 and 0.01. Use it for learning rates and other values that span several powers of ten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter where the range starts and ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter at least one value; separate values with commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither true nor false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This setting cannot be varied by a sweep.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>llmos::SweepSettingsPanel</name>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal and budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid: every combination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TPE: learns from results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: every trial to the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ASHA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hyperband</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macro F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recipe&apos;s maximum steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random trials first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates per trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share counted as good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop weak trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First check (steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trial length (steps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep 1 in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished trials first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not before step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Better is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same seed gives the same sequence of trials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TPE draws this many trials at random before it learns from the results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TPE draws this many values per parameter and keeps the most promising one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of trials TPE counts as good when it learns where good settings lie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first point where weak trials are stopped, in optimizer steps. When the learning rate is searched, put it at a third of the training or later: high learning rates start slowly and finish well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a trial trains, in optimizer steps; checks lie below it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At each check only the best 1 in this many trials go on, and checks lie this many times apart. 3 is the usual choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is stopped before this many trials have finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is stopped before this step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evaluation result a trial is judged by. Accuracy and macro F1 need a classification task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many trials to run at most. For a grid, the number of combinations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trials that train at the same time; they share the machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When it is spent, no new trial starts and the running ones stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tries every combination of the values listed, in order. Thorough, but the count multiplies with each parameter: best for two or three parameters with a few values each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts with random trials, then learns from their results where good settings lie and tries more there. Usually finds good settings in fewer trials than random search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draws each trial&apos;s settings at random from the values and ranges. A strong start when there are many parameters and few trials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops a trial whose results fall behind the middle of the finished trials at the same step. Needs evaluations during training (the recipe&apos;s evaluate every).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks the trials at a few points (rungs); at each only the best of them go on. Saves most of the compute, but can stop slow starters too early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs several ASHA schedules side by side, from strict to none, so slow starters still get a chance to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every trial trains to the end.</source>
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
<context>
    <name>llmos::TrainablePicker</name>
    <message>
        <source>The counts follow when the model and the method&apos;s settings are valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model to see what the method trains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot count what trains: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer %1: %2 parameters, %3 trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the modules that get an adapter, and the layers that get them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers with adapters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick a module to freeze it. Click a layer to freeze it and the layers below it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trained layers (the first ones are frozen):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This method decides what trains; the counts show where it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers that train:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trains %1 of %2 parameters (%3 %).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run needs about %1 of memory (weights %2, gradients and optimizer %3, activations %4); %5 is free for it now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
