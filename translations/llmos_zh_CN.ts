<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CommandContext</name>
    <message>
        <source>missing required option --%1</source>
        <translation>缺少必需的选项 --%1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>llmos %1</source>
        <translation>llmos %1</translation>
    </message>
    <message>
        <source>libtorch:     %1</source>
        <translation>libtorch：    %1</translation>
    </message>
    <message>
        <source>BLAS:         %1</source>
        <translation>BLAS：        %1</translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation>（未找到）</translation>
    </message>
    <message>
        <source>threads:      %1 of %2 hardware threads</source>
        <translation>线程：        %1 / %2 个硬件线程</translation>
    </message>
    <message>
        <source>CUDA:         %1</source>
        <translation>CUDA：        %1</translation>
    </message>
    <message>
        <source>no devices</source>
        <translation>无设备</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> 及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>fp32 matmul:  %1 GFLOP/s (1024x1024)</source>
        <translation>fp32 矩阵乘：%1 GFLOP/s（1024x1024）</translation>
    </message>
    <message>
        <source>data folder:  %1</source>
        <translation>数据文件夹：  %1</translation>
    </message>
    <message>
        <source>reference BLAS in use: %1</source>
        <translation>正在使用参考 BLAS：%1</translation>
    </message>
    <message>
        <source>warning: libtorch is using the slow reference BLAS (about 30x slower). Install libopenblas0-openmp: apt-get install libopenblas0-openmp</source>
        <translation>警告：libtorch 正在使用缓慢的参考 BLAS（约慢 30 倍）。请安装 libopenblas0-openmp：apt-get install libopenblas0-openmp</translation>
    </message>
    <message>
        <source>inspect takes exactly one PATH (a model folder, .safetensors or .gguf file)</source>
        <translation>inspect 只接受一个 PATH（模型文件夹、.safetensors 或 .gguf 文件）</translation>
    </message>
    <message>
        <source>path:         %1</source>
        <translation>路径：        %1</translation>
    </message>
    <message>
        <source>format:       %1</source>
        <translation>格式：        %1</translation>
    </message>
    <message>
        <source>architecture: %1</source>
        <translation>架构：        %1</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>family:       %1</source>
        <translation>系列：        %1</translation>
    </message>
    <message>
        <source>parameters:   %L1</source>
        <translation>参数量：      %L1</translation>
    </message>
    <message>
        <source>tensor data:  %1</source>
        <translation>张量数据：    %1</translation>
    </message>
    <message>
        <source>dtypes:       %1</source>
        <translation>数据类型：    %1</translation>
    </message>
    <message>
        <source>config:       %1 layers, hidden %2, %3 heads (%4 key/value), vocabulary %5, context %6</source>
        <translation>配置：        %1 层，隐藏维度 %2，%3 个注意力头（%4 个键/值头），词表 %5，上下文 %6</translation>
    </message>
    <message>
        <source>warning:      %1</source>
        <translation>警告：        %1</translation>
    </message>
    <message>
        <source>metadata:</source>
        <translation>元数据：</translation>
    </message>
    <message>
        <source>tensors (%1):</source>
        <translation>张量（%1 个）：</translation>
    </message>
    <message>
        <source>--ids: item %1 (&apos;%2&apos;) is not a token id</source>
        <translation>--ids：第 %1 项（“%2”）不是词元 ID</translation>
    </message>
    <message>
        <source>SentencePiece: %1</source>
        <translation>SentencePiece：%1</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>give either --text or --ids</source>
        <translation>请给出 --text 或 --ids 之一</translation>
    </message>
    <message>
        <source>tokens:     %1</source>
        <translation>词元数：    %1</translation>
    </message>
    <message>
        <source>log-prob:   %1</source>
        <translation>对数概率：  %1</translation>
    </message>
    <message>
        <source>perplexity: %1</source>
        <translation>困惑度：    %1</translation>
    </message>
    <message>
        <source>label: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>note: the text was longer than the model reads and was cut to its first %1 tokens</source>
        <translation>注意：文本超出模型可读取的长度，已截断为前 %1 个词元</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a number</source>
        <translation>--%1：“%2”不是数字</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a whole number</source>
        <translation>--%1：“%2”不是整数</translation>
    </message>
    <message>
        <source>--pooling: &apos;%1&apos; is not cls or mean</source>
        <translation>--pooling：“%1”不是 cls 或 mean</translation>
    </message>
    <message>
        <source>give either --normalize or --no-normalize, not both</source>
        <translation>只能指定 --normalize 或 --no-normalize 之一，不能同时指定</translation>
    </message>
    <message>
        <source>text %1:</source>
        <translation>文本 %1：</translation>
    </message>
    <message>
        <source>dimension: %1</source>
        <translation>维度：%1</translation>
    </message>
    <message>
        <source>values:    %1</source>
        <translation>数值：    %1</translation>
    </message>
    <message>
        <source>norm:      %1</source>
        <translation>范数：    %1</translation>
    </message>
    <message>
        <source>tokens:    %1</source>
        <translation>词元数：  %1</translation>
    </message>
    <message>
        <source>note:      the text was longer than the model reads and was cut to its first %1 tokens</source>
        <translation>注意：    文本超出模型可读取的长度，已截断为前 %1 个词元</translation>
    </message>
    <message>
        <source>give either --model PATH or --shape small|tiny</source>
        <translation>请指定 --model PATH 或 --shape small|tiny 之一</translation>
    </message>
    <message>
        <source>--batch: &apos;%1&apos; is not a batch size</source>
        <translation>--batch：“%1”不是有效的批大小</translation>
    </message>
    <message>
        <source>batch %1: prefill %2 tokens/s, decode %3 tokens/s, first token after %4 ms</source>
        <translation>批大小 %1：预填充 %2 词元/秒，解码 %3 词元/秒，首个词元用时 %4 毫秒</translation>
    </message>
    <message>
        <source>weights read per decode step: %1 MiB; copy bandwidth %2 GB/s; batch-1 bound %3 tokens/s</source>
        <translation>每步解码读取权重：%1 MiB；内存复制带宽 %2 GB/s；批大小 1 的上限 %3 词元/秒</translation>
    </message>
    <message>
        <source>peak memory: %1 MiB</source>
        <translation>峰值内存：%1 MiB</translation>
    </message>
    <message>
        <source>Chatting with %1 on %2. Type /reset to start over, /exit or Ctrl-D to leave; Ctrl-C stops a reply.</source>
        <translation>正在 %2 上与 %1 对话。输入 /reset 重新开始，/exit 或 Ctrl-D 退出；Ctrl-C 停止当前回复。</translation>
    </message>
    <message>
        <source>(conversation cleared)</source>
        <translation>（对话已清空）</translation>
    </message>
    <message>
        <source>Most tokens to generate (default 256).</source>
        <translation>最多生成的词元数（默认 256）。</translation>
    </message>
    <message>
        <source>Sampling temperature; 0 picks the most likely token.</source>
        <translation>采样温度；0 表示总是选择概率最高的词元。</translation>
    </message>
    <message>
        <source>Sample from the K most likely tokens (0: all).</source>
        <translation>仅从概率最高的 K 个词元中采样（0：全部）。</translation>
    </message>
    <message>
        <source>Sample from the most likely tokens that make up probability P.</source>
        <translation>从累计概率达到 P 的最可能词元中采样。</translation>
    </message>
    <message>
        <source>Drop tokens less likely than P times the most likely one.</source>
        <translation>舍弃概率低于最高概率 P 倍的词元。</translation>
    </message>
    <message>
        <source>Above 1, makes tokens already seen less likely.</source>
        <translation>大于 1 时，降低已出现词元的概率。</translation>
    </message>
    <message>
        <source>Random seed; the same seed gives the same output.</source>
        <translation>随机种子；相同的种子给出相同的输出。</translation>
    </message>
    <message>
        <source>Stop before this text (may be repeated).</source>
        <translation>遇到此文本前停止（可重复指定）。</translation>
    </message>
    <message>
        <source>auto, cpu, cuda or cuda:N (default auto).</source>
        <translation>auto、cpu、cuda 或 cuda:N（默认 auto）。</translation>
    </message>
    <message>
        <source>CPU threads to compute with (default: all cores).</source>
        <translation>用于计算的 CPU 线程数（默认：全部核心）。</translation>
    </message>
    <message>
        <source>--threads must be at least 1</source>
        <translation>--threads 至少为 1</translation>
    </message>
    <message>
        <source>--max-tokens must be at least 1</source>
        <translation>--max-tokens 至少为 1</translation>
    </message>
    <message>
        <source>--%1: %2</source>
        <translation>--%1：%2</translation>
    </message>
    <message>
        <source>[%1 tokens in %2 s (%3 tokens/s), stopped: %4]</source>
        <translation>[%1 个词元，用时 %2 秒（%3 词元/秒），停止原因：%4]</translation>
    </message>
    <message>
        <source>usage: llmos models %1</source>
        <translation>用法：llmos models %1</translation>
    </message>
    <message>
        <source>%1 (removed)</source>
        <translation>%1（已删除）</translation>
    </message>
    <message>
        <source>, run %1</source>
        <translation>，运行 %1</translation>
    </message>
    <message>
        <source>, dataset %1</source>
        <translation>，数据集 %1</translation>
    </message>
    <message>
        <source>made from:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>  (nothing registered: an original import)</source>
        <translation>  （无登记来源：原始导入）</translation>
    </message>
    <message>
        <source>made from it:</source>
        <translation>由它派生：</translation>
    </message>
    <message>
        <source>  (nothing yet)</source>
        <translation>  （暂无）</translation>
    </message>
    <message>
        <source>No registered model matches.</source>
        <translation>没有匹配的已登记模型。</translation>
    </message>
    <message>
        <source>No models registered yet. Add one with: llmos models import PATH</source>
        <translation>尚未登记任何模型。可用以下命令添加：llmos models import PATH</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>FAMILY</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>PARAMETERS</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>TAGS</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>id:</source>
        <translation>ID：</translation>
    </message>
    <message>
        <source>name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>origin:</source>
        <translation>来源类型：</translation>
    </message>
    <message>
        <source>status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>family:</source>
        <translation>系列：</translation>
    </message>
    <message>
        <source>architecture:</source>
        <translation>架构：</translation>
    </message>
    <message>
        <source>parameters:</source>
        <translation>参数量：</translation>
    </message>
    <message>
        <source>dtype:</source>
        <translation>数据类型：</translation>
    </message>
    <message>
        <source>context:</source>
        <translation>上下文长度：</translation>
    </message>
    <message>
        <source>size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>license:</source>
        <translation>许可证：</translation>
    </message>
    <message>
        <source>description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <source>created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <source>source:</source>
        <translation>源路径：</translation>
    </message>
    <message>
        <source>%1 (used in place)</source>
        <translation>%1（原位使用）</translation>
    </message>
    <message>
        <source>tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>warning:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>files:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>model card:</source>
        <translation>模型卡片：</translation>
    </message>
    <message>
        <source>importing: %1% (%2 of %3) %4</source>
        <translation>正在导入：%1%（%2 / %3）%4</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Imported %1 as %2 (%3 files, %4%5).</source>
        <translation>已导入 %1，ID 为 %2（%3 个文件，%4%5）。</translation>
    </message>
    <message>
        <source>, used in place</source>
        <translation>，原位使用</translation>
    </message>
    <message>
        <source>Removed %1 (%2); %3 freed.</source>
        <translation>已删除 %1（%2）；释放了 %3。</translation>
    </message>
    <message>
        <source>The lineage of %1 keeps the name %2 without an id.</source>
        <translation>%1 的谱系仍保留名称 %2，但不再有 ID。</translation>
    </message>
    <message>
        <source>%1 is tagged: %2</source>
        <translation>%1 的标签：%2</translation>
    </message>
    <message>
        <source>(no tags)</source>
        <translation>（无标签）</translation>
    </message>
    <message>
        <source>Lineage of %1 (%2)</source>
        <translation>%1（%2）的谱系</translation>
    </message>
    <message>
        <source>The old database was kept as %1.</source>
        <translation>旧数据库已保留为 %1。</translation>
    </message>
    <message>
        <source>Restored %1 models from their manifests.</source>
        <translation>已从清单恢复 %1 个模型。</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <source>--%1 does not apply to &apos;models %2&apos;</source>
        <translation>--%1 不适用于“models %2”</translation>
    </message>
    <message>
        <source>A Hugging Face model folder, a .gguf file, or the id or name of a registered model.</source>
        <translation>Hugging Face 模型文件夹、.gguf 文件，或已注册模型的 ID 或名称。</translation>
    </message>
    <message>
        <source>--max-shard-size: &apos;%1&apos; is not a size like 2GB or 500MB</source>
        <translation>--max-shard-size：“%1”不是 2GB 或 500MB 这样的大小</translation>
    </message>
    <message>
        <source>--dtype: &apos;%1&apos; is not one of f32, f16, bf16, q8_0</source>
        <translation>--dtype：“%1”不是 f32、f16、bf16、q8_0 之一</translation>
    </message>
    <message>
        <source>--format: &apos;%1&apos; is not hf or gguf</source>
        <translation>--format：“%1”既不是 hf 也不是 gguf</translation>
    </message>
    <message>
        <source>--max-shard-size applies to --format hf</source>
        <translation>--max-shard-size 只用于 --format hf</translation>
    </message>
    <message>
        <source>--dtype applies to --format gguf</source>
        <translation>--dtype 只用于 --format gguf</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>Registered as %1.</source>
        <translation>已注册为 %1。</translation>
    </message>
    <message>
        <source>models needs a subverb: list, show, import, export, rm, tag, lineage or rebuild</source>
        <translation>models 需要一个子命令：list、show、import、export、rm、tag、lineage 或 rebuild</translation>
    </message>
    <message>
        <source>unknown subverb &apos;models %1&apos; (list, show, import, export, rm, tag, lineage, rebuild)</source>
        <translation>未知的子命令“models %1”（可用：list、show、import、export、rm、tag、lineage、rebuild）</translation>
    </message>
    <message>
        <source>--threads must be between 1 and %1 (the cores of this machine)</source>
        <translation>--threads 必须在 1 到 %1 之间（本机的核心数）</translation>
    </message>
    <message>
        <source>usage: llmos datasets %1</source>
        <translation>用法：llmos datasets %1</translation>
    </message>
    <message>
        <source>--max-seq-len must be at least 2</source>
        <translation>--max-seq-len 至少为 2</translation>
    </message>
    <message>
        <source>dataset:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>sha256:</source>
        <translation>sha256：</translation>
    </message>
    <message>
        <source>rows:</source>
        <translation>行：</translation>
    </message>
    <message>
        <source>%1 read, %2 used, %3 skipped, %4 bad, %5 duplicates</source>
        <translation>读取 %1，使用 %2，跳过 %3，错误 %4，重复 %5</translation>
    </message>
    <message>
        <source>split:</source>
        <translation>划分：</translation>
    </message>
    <message>
        <source>%1 training, %2 validation examples</source>
        <translation>训练样本 %1 个，验证样本 %2 个</translation>
    </message>
    <message>
        <source>token lengths:</source>
        <translation>词元长度：</translation>
    </message>
    <message>
        <source>truncated:</source>
        <translation>被截断：</translation>
    </message>
    <message>
        <source>no labels left:</source>
        <translation>无剩余标签：</translation>
    </message>
    <message>
        <source>labels:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>bad row:</source>
        <translation>错误行：</translation>
    </message>
    <message>
        <source>%1line %2: %3</source>
        <translation>%1第 %2 行：%3</translation>
    </message>
    <message>
        <source>... and %1 more bad rows</source>
        <translation>……另有 %1 个错误行</translation>
    </message>
    <message>
        <source>Imported as %1 (%2).</source>
        <translation>已导入为 %1（%2）。</translation>
    </message>
    <message>
        <source>usage: llmos datasets show [ID|NAME]</source>
        <translation>用法：llmos datasets show [ID|名称]</translation>
    </message>
    <message>
        <source>No datasets yet: llmos datasets import PATH --model MODEL records one.</source>
        <translation>还没有数据集：llmos datasets import 路径 --model 模型 可记录一个。</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>unchanged since it was recorded</source>
        <translation>自记录以来未改变</translation>
    </message>
    <message>
        <source>kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>path:</source>
        <translation>路径：</translation>
    </message>
    <message>
        <source>recorded:</source>
        <translation>记录于：</translation>
    </message>
    <message>
        <source>on disk:</source>
        <translation>磁盘上：</translation>
    </message>
    <message>
        <source>datasets needs a subverb: validate, import or show</source>
        <translation>datasets 需要子命令：validate、import 或 show</translation>
    </message>
    <message>
        <source>unknown subverb &apos;datasets %1&apos; (validate, import, show)</source>
        <translation>未知子命令“datasets %1”（validate、import、show）</translation>
    </message>
    <message>
        <source>usage: llmos demo [--json] [--threads N]</source>
        <translation>用法：llmos demo [--json] [--threads N]</translation>
    </message>
    <message>
        <source>demo: %1% %2</source>
        <translation>演示：%1% %2</translation>
    </message>
    <message>
        <source>Language model %1 (%2): held-out perplexity %3.</source>
        <translation>语言模型 %1（%2）：留出集困惑度 %3。</translation>
    </message>
    <message>
        <source>Topic classifier %1 (%2): %3% accuracy on %4 held-out sayings of %5 topics (chance: %6%).</source>
        <translation>主题分类器 %1（%2）：在 %5 个主题的 %4 条留出格言上准确率 %3%（随机猜测：%6%）。</translation>
    </message>
    <message>
        <source>Built in %1 s. Try: llmos generate --model %2 --prompt &quot;Love is&quot;</source>
        <translation>用时 %1 秒。试试：llmos generate --model %2 --prompt &quot;Love is&quot;</translation>
    </message>
    <message>
        <source>step %1  epoch %2  %3</source>
        <translation>第 %1 步  第 %2 轮  %3</translation>
    </message>
    <message>
        <source>evaluation at step %1: %2</source>
        <translation>第 %1 步评估：%2</translation>
    </message>
    <message>
        <source>run %1: %2</source>
        <translation>运行 %1：%2</translation>
    </message>
    <message>
        <source>llmos: pausing the run: saving a checkpoint...</source>
        <translation>llmos：正在暂停运行：保存检查点……</translation>
    </message>
    <message>
        <source>llmos: run %1 is paused; continue it with: llmos runs resume %1</source>
        <translation>llmos：运行 %1 已暂停；继续请用：llmos runs resume %1</translation>
    </message>
    <message>
        <source>llmos: run %1 %2: %3</source>
        <translation>llmos：运行 %1 %2：%3</translation>
    </message>
    <message>
        <source>usage: llmos runs %1</source>
        <translation>用法：llmos runs %1</translation>
    </message>
    <message>
        <source>could not mark a run as interrupted: %1</source>
        <translation>无法将运行标记为已中断：%1</translation>
    </message>
    <message>
        <source>No runs yet. Runs appear here when a training job starts.</source>
        <translation>还没有运行。训练任务开始后，运行会出现在这里。</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>[damaged]</source>
        <translation>[已损坏]</translation>
    </message>
    <message>
        <source>state:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>priority:</source>
        <translation>优先级：</translation>
    </message>
    <message>
        <source>memory:</source>
        <translation>内存：</translation>
    </message>
    <message>
        <source>threads:</source>
        <translation>线程：</translation>
    </message>
    <message>
        <source>started:</source>
        <translation>开始于：</translation>
    </message>
    <message>
        <source>stopped:</source>
        <translation>停止于：</translation>
    </message>
    <message>
        <source>last step:</source>
        <translation>最后一步：</translation>
    </message>
    <message>
        <source>%1 (epoch %2): %3</source>
        <translation>%1（第 %2 轮）：%3</translation>
    </message>
    <message>
        <source>last eval:</source>
        <translation>最后评估：</translation>
    </message>
    <message>
        <source>final:</source>
        <translation>最终：</translation>
    </message>
    <message>
        <source>events:</source>
        <translation>事件：</translation>
    </message>
    <message>
        <source>checkpoints:</source>
        <translation>检查点：</translation>
    </message>
    <message>
        <source>  (none)</source>
        <translation>  （无）</translation>
    </message>
    <message>
        <source>recipe:</source>
        <translation>配方：</translation>
    </message>
    <message>
        <source>  (unreadable)</source>
        <translation>  （无法读取）</translation>
    </message>
    <message>
        <source>Wrote the metrics of %1 to %2.</source>
        <translation>已将 %1 的指标写入 %2。</translation>
    </message>
    <message>
        <source>runs needs a subverb: list, show, resume or export-metrics</source>
        <translation>runs 需要子命令：list、show、resume 或 export-metrics</translation>
    </message>
    <message>
        <source>--output does not apply to &apos;runs %1&apos;</source>
        <translation>--output 不适用于“runs %1”</translation>
    </message>
    <message>
        <source>--threads does not apply to &apos;runs %1&apos;</source>
        <translation>--threads 不适用于“runs %1”</translation>
    </message>
    <message>
        <source>unknown subverb &apos;runs %1&apos; (list, show, resume, export-metrics)</source>
        <translation>未知子命令“runs %1”（list、show、resume、export-metrics）</translation>
    </message>
    <message>
        <source>training tokenizer: %1% (%2)</source>
        <translation>正在训练分词器：%1%（%2）</translation>
    </message>
    <message>
        <source>--%1: %2 is negative</source>
        <translation>--%1：%2 是负数</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not one of the special tokens; add --special &apos;%2&apos;</source>
        <translation>--%1：“%2”不是特殊词元之一；请加上 --special &apos;%2&apos;</translation>
    </message>
    <message>
        <source>usage: llmos tokenizer train --input PATH... --vocab-size N --output DIR</source>
        <translation>用法：llmos tokenizer train --input 路径... --vocab-size N --output 目录</translation>
    </message>
    <message>
        <source>missing required option --input</source>
        <translation>缺少必需选项 --input</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>读取中</translation>
    </message>
    <message>
        <source>merging</source>
        <translation>合并中</translation>
    </message>
    <message>
        <source>Trained a byte-level BPE tokenizer of %1 tokens (%2 merges) on %3 documents (%4) in %5 s (%6 MB/s).</source>
        <translation>已在 %3 个文档（%4）上训练出含 %1 个词元（%2 次合并）的字节级 BPE 分词器，用时 %5 秒（%6 MB/s）。</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>usage: llmos train RECIPE.json [--json] [--threads N]</source>
        <translation>用法：llmos train 配方.json [--json] [--threads N]</translation>
    </message>
    <message>
        <source>Run %1 started; its folder is %2</source>
        <translation>运行 %1 已开始；其文件夹为 %2</translation>
    </message>
    <message>
        <source>trial %1 (run %2): %3</source>
        <translation>试验 %1（运行 %2）：%3</translation>
    </message>
    <message>
        <source>trial %1 at step %2: %3 %4</source>
        <translation>试验 %1 第 %2 步：%3 %4</translation>
    </message>
    <message>
        <source>trial %1 stopped early: %2</source>
        <translation>试验 %1 提前停止：%2</translation>
    </message>
    <message>
        <source>trial %1 finished: %2 %3 (%4 s)</source>
        <translation>试验 %1 完成：%2 %3（%4 秒）</translation>
    </message>
    <message>
        <source>trial %1 %2: %3</source>
        <translation>试验 %1 %2：%3</translation>
    </message>
    <message>
        <source>Sweep %1 stopped after %2 trials; continue it with: llmos sweeps resume %1</source>
        <translation>搜索 %1 在 %2 次试验后停止；继续请用：llmos sweeps resume %1</translation>
    </message>
    <message>
        <source>Sweep %1 finished: %2 trials; the best is trial %3 with %4 %5. Register it with: llmos sweeps promote %1</source>
        <translation>搜索 %1 完成：共 %2 次试验；最佳为试验 %3，%4 为 %5。注册它请用：llmos sweeps promote %1</translation>
    </message>
    <message>
        <source>Sweep %1 finished: %2 trials, none of them succeeded.</source>
        <translation>搜索 %1 完成：共 %2 次试验，没有一次成功。</translation>
    </message>
    <message>
        <source>Sweep %1 started; its folder is %2</source>
        <translation>搜索 %1 已开始；其文件夹为 %2</translation>
    </message>
    <message>
        <source>usage: llmos sweep SWEEP.json [--json] [--threads N]</source>
        <translation>用法：llmos sweep SWEEP.json [--json] [--threads N]</translation>
    </message>
    <message>
        <source>usage: llmos sweeps %1</source>
        <translation>用法：llmos sweeps %1</translation>
    </message>
    <message>
        <source>No sweeps yet: llmos sweep SWEEP.json starts one (docs/sweeps.md).</source>
        <translation>还没有超参数搜索：llmos sweep SWEEP.json 可开始一次（见 docs/sweeps.md）。</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>STRATEGY</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>TRIALS</source>
        <translation>试验数</translation>
    </message>
    <message>
        <source>BEST</source>
        <translation>最佳</translation>
    </message>
    <message>
        <source>sweep %1 (%2): %3, %4; %5 %6</source>
        <translation>搜索 %1（%2）：%3，%4；%5 %6</translation>
    </message>
    <message>
        <source>%1 trials: %2 succeeded, %3 stopped early, %4 failed or cancelled, %5 unfinished</source>
        <translation>%1 次试验：%2 次成功，%3 次提前停止，%4 次失败或取消，%5 次未完成</translation>
    </message>
    <message>
        <source>TRIAL</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>STEP</source>
        <translation>步</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Parameter importance: %1</source>
        <translation>参数重要性：%1</translation>
    </message>
    <message>
        <source>Parameter importance (share of what the parameters explain, from %1 trials):</source>
        <translation>参数重要性（各参数所解释部分的占比，基于 %1 次试验）：</translation>
    </message>
    <message>
        <source>Registered the best trial of %1 as %2 (%3).</source>
        <translation>已将 %1 的最佳试验注册为 %2（%3）。</translation>
    </message>
    <message>
        <source>sweeps needs a subverb: list, show, resume or promote</source>
        <translation>sweeps 需要子命令：list、show、resume 或 promote</translation>
    </message>
    <message>
        <source>unknown subverb &apos;sweeps %1&apos; (list, show, resume, promote)</source>
        <translation>未知子命令 &apos;sweeps %1&apos;（可用：list、show、resume、promote）</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Usage: llmos [VERB] [OPTIONS]

Without a verb, opens the workbench window.

Verbs:
</source>
        <translation>用法：llmos [命令] [选项]

不带命令时打开工作台窗口。

命令：
</translation>
    </message>
    <message>
        <source>
Every verb takes --json for machine-readable output. Run &apos;llmos VERB --help&apos; for its options.
</source>
        <translation>
每个命令都接受 --json 以输出机器可读的结果。运行“llmos 命令 --help”查看其选项。
</translation>
    </message>
    <message>
        <source>unknown verb &apos;%1&apos;</source>
        <translation>未知命令“%1”</translation>
    </message>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation>输出机器可读的 JSON。</translation>
    </message>
    <message>
        <source>unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <source>Check the compute setup: libtorch, BLAS, threads, CUDA, data folder.</source>
        <translation>检查计算环境：libtorch、BLAS、线程、CUDA、数据文件夹。</translation>
    </message>
    <message>
        <source>Skip the matmul speed measurement.</source>
        <translation>跳过矩阵乘法速度测量。</translation>
    </message>
    <message>
        <source>Show a model&apos;s format, architecture, parameters, dtypes and tensors.</source>
        <translation>显示模型的格式、架构、参数量、数据类型和张量。</translation>
    </message>
    <message>
        <source>A model folder, .safetensors or .gguf file.</source>
        <translation>模型文件夹、.safetensors 或 .gguf 文件。</translation>
    </message>
    <message>
        <source>Turn text into token ids with a model&apos;s tokenizer.</source>
        <translation>用模型的分词器把文本转换为词元 ID。</translation>
    </message>
    <message>
        <source>The text to tokenize.</source>
        <translation>要分词的文本。</translation>
    </message>
    <message>
        <source>Do not add special tokens such as BOS.</source>
        <translation>不添加 BOS 等特殊词元。</translation>
    </message>
    <message>
        <source>Turn token ids back into text.</source>
        <translation>把词元 ID 还原为文本。</translation>
    </message>
    <message>
        <source>Comma-separated token ids.</source>
        <translation>以逗号分隔的词元 ID。</translation>
    </message>
    <message>
        <source>Leave special tokens out of the text.</source>
        <translation>在文本中省略特殊词元。</translation>
    </message>
    <message>
        <source>Save a PNG of every page into DIR and exit.</source>
        <translation>把每个页面保存为 DIR 中的 PNG 图片后退出。</translation>
    </message>
    <message>
        <source>Interface language, e.g. en or zh_CN.</source>
        <translation>界面语言，例如 en 或 zh_CN。</translation>
    </message>
    <message>
        <source>llmos: no display found (DISPLAY and WAYLAND_DISPLAY are not set), so the workbench window cannot open.
  - on a desktop, run it from a graphical session;
  - on a server, run it under a virtual display: xvfb-run -a build/bin/llmos
  - or save pictures of every page without a display:
      QT_QPA_PLATFORM=offscreen build/bin/llmos --screenshot DIR
  - the headless verbs work anywhere: build/bin/llmos --help
</source>
        <translation>llmos：未找到显示器（未设置 DISPLAY 和 WAYLAND_DISPLAY），无法打开工作台窗口。
  - 在桌面上，请在图形会话中运行；
  - 在服务器上，请在虚拟显示器中运行：xvfb-run -a build/bin/llmos
  - 或者不用显示器，保存每个页面的图片：
      QT_QPA_PLATFORM=offscreen build/bin/llmos --screenshot DIR
  - 无界面命令在任何地方都能用：build/bin/llmos --help
</translation>
    </message>
    <message>
        <source>Log-probabilities and perplexity of a text under a model.</source>
        <translation>计算文本在模型下的对数概率和困惑度。</translation>
    </message>
    <message>
        <source>The text to score.</source>
        <translation>要评分的文本。</translation>
    </message>
    <message>
        <source>Measure prefill and decode speed of a model on this machine.</source>
        <translation>在本机上测量模型的预填充与解码速度。</translation>
    </message>
    <message>
        <source>Benchmark a random model of this shape (small or tiny) instead of --model.</source>
        <translation>使用该规格（small 或 tiny）的随机模型进行测试，代替 --model。</translation>
    </message>
    <message>
        <source>Comma-separated batch sizes (default 1,8).</source>
        <translation>以逗号分隔的批大小（默认 1,8）。</translation>
    </message>
    <message>
        <source>Prompt length (default 128).</source>
        <translation>提示长度（默认 128）。</translation>
    </message>
    <message>
        <source>Tokens to generate (default 128).</source>
        <translation>要生成的词元数（默认 128）。</translation>
    </message>
    <message>
        <source>Runs per batch size; the best counts (default 3).</source>
        <translation>每个批大小运行的次数，取最好成绩（默认 3）。</translation>
    </message>
    <message>
        <source>Chat with a model in the terminal, using its chat template.</source>
        <translation>在终端中使用模型自带的对话模板与模型对话。</translation>
    </message>
    <message>
        <source>Send one message, print the reply and exit.</source>
        <translation>发送一条消息，打印回复后退出。</translation>
    </message>
    <message>
        <source>A system message.</source>
        <translation>系统消息。</translation>
    </message>
    <message>
        <source>A Jinja chat template file to use instead of the model&apos;s own.</source>
        <translation>用于替代模型自带模板的 Jinja 对话模板文件。</translation>
    </message>
    <message>
        <source>Label a text with a BERT sequence classifier.</source>
        <translation>用 BERT 序列分类器为文本打标签。</translation>
    </message>
    <message>
        <source>The text to classify.</source>
        <translation>要分类的文本。</translation>
    </message>
    <message>
        <source>Embedding vectors of texts from a BERT encoder.</source>
        <translation>用 BERT 编码器计算文本的嵌入向量。</translation>
    </message>
    <message>
        <source>A text to embed; repeat for several.</source>
        <translation>要嵌入的文本；可重复指定多个。</translation>
    </message>
    <message>
        <source>cls or mean (default: the model folder&apos;s 1_Pooling setting, else mean).</source>
        <translation>cls 或 mean（默认：模型文件夹中 1_Pooling 的设置，否则为 mean）。</translation>
    </message>
    <message>
        <source>Scale each vector to unit length.</source>
        <translation>将每个向量缩放为单位长度。</translation>
    </message>
    <message>
        <source>Keep the raw vectors (default unless the folder has a Normalize module).</source>
        <translation>保留原始向量（除非文件夹含有 Normalize 模块，否则为默认）。</translation>
    </message>
    <message>
        <source>Continue a prompt with a language model.</source>
        <translation>用语言模型续写提示。</translation>
    </message>
    <message>
        <source>The text to continue.</source>
        <translation>要续写的文本。</translation>
    </message>
    <message>
        <source>tokenizer.json, tokenizer.model, a .gguf file or a model folder.</source>
        <translation>tokenizer.json、tokenizer.model、.gguf 文件或模型文件夹。</translation>
    </message>
    <message>
        <source>A model id or name, a path to import, a tag.</source>
        <translation>模型 ID 或名称、要导入的路径、标签。</translation>
    </message>
    <message>
        <source>list: models whose name, description, architecture or family contains TEXT.</source>
        <translation>list：名称、描述、架构或系列包含 TEXT 的模型。</translation>
    </message>
    <message>
        <source>list: models of this family (llama, gpt2, bert).</source>
        <translation>list：属于该系列（llama、gpt2、bert）的模型。</translation>
    </message>
    <message>
        <source>list: models with this tag.</source>
        <translation>list：带有该标签的模型。</translation>
    </message>
    <message>
        <source>import: the name to register (default: from the source).</source>
        <translation>import：登记使用的名称（默认取自来源）。</translation>
    </message>
    <message>
        <source>import: a description to keep with the model.</source>
        <translation>import：随模型保存的描述。</translation>
    </message>
    <message>
        <source>import: use the files where they are instead of copying them.</source>
        <translation>import：在原位置使用文件，而不复制。</translation>
    </message>
    <message>
        <source>tag: remove the tag instead of adding it.</source>
        <translation>tag：删除该标签而不是添加。</translation>
    </message>
    <message>
        <source>Colour theme for this run: system, light or dark.</source>
        <translation>本次运行的配色主题：system、light 或 dark。</translation>
    </message>
    <message>
        <source>rm: remove even when other models were made from it; rebuild: rebuild a database that still opens.</source>
        <translation>rm：即使有其他模型由它派生也删除；rebuild：即使数据库仍能打开也重建。</translation>
    </message>
    <message>
        <source>A Hugging Face BertForSequenceClassification folder, or the id or name of a registered one.</source>
        <translation>Hugging Face BertForSequenceClassification 文件夹，或已注册模型的 ID 或名称。</translation>
    </message>
    <message>
        <source>A Hugging Face or sentence-transformers BERT model folder, or the id or name of a registered one.</source>
        <translation>Hugging Face 或 sentence-transformers 的 BERT 模型文件夹，或已注册模型的 ID 或名称。</translation>
    </message>
    <message>
        <source>The model registry: list, show, import, export, rm, tag, lineage, rebuild.</source>
        <translation>模型注册表：list、show、import、export、rm、tag、lineage、rebuild。</translation>
    </message>
    <message>
        <source>list, show, import, export, rm, tag, lineage or rebuild.</source>
        <translation>list、show、import、export、rm、tag、lineage 或 rebuild。</translation>
    </message>
    <message>
        <source>export: hf (a Hugging Face folder) or gguf.</source>
        <translation>export：hf（Hugging Face 文件夹）或 gguf。</translation>
    </message>
    <message>
        <source>export: the new folder or .gguf file to write.</source>
        <translation>export：要写入的新文件夹或 .gguf 文件。</translation>
    </message>
    <message>
        <source>export: the largest safetensors shard, e.g. 2GB (default 5GB).</source>
        <translation>export：safetensors 分片的最大大小，例如 2GB（默认 5GB）。</translation>
    </message>
    <message>
        <source>export: how GGUF stores weights: f32, f16 (default), bf16 or q8_0.</source>
        <translation>export：GGUF 存储权重的方式：f32、f16（默认）、bf16 或 q8_0。</translation>
    </message>
    <message>
        <source>export: also register the export under this name, with its lineage.</source>
        <translation>export：同时以此名称注册导出结果，并记录其谱系。</translation>
    </message>
    <message>
        <source>A Hugging Face model folder, a .gguf file, or the id or name of a registered model.</source>
        <translation>Hugging Face 模型文件夹、.gguf 文件，或已注册模型的 ID 或名称。</translation>
    </message>
    <message>
        <source>llmos: could not make the demo models: %1
</source>
        <translation>llmos：无法创建演示模型：%1
</translation>
    </message>
    <message>
        <source>Compute threads (default: every core).</source>
        <translation>计算线程数（默认：全部核心）。</translation>
    </message>
    <message>
        <source>Training data: validate a file, import it into the registry, show them.</source>
        <translation>训练数据：校验文件、导入注册表、查看。</translation>
    </message>
    <message>
        <source>validate, import or show.</source>
        <translation>validate、import 或 show。</translation>
    </message>
    <message>
        <source>A data file or folder (show: a dataset id or name).</source>
        <translation>数据文件或文件夹（show：数据集 ID 或名称）。</translation>
    </message>
    <message>
        <source>The model whose tokenizer (and chat template) counts the tokens.</source>
        <translation>用其分词器（和聊天模板）计算词元数的模型。</translation>
    </message>
    <message>
        <source>auto, text, jsonl, json, csv or tsv (default auto).</source>
        <translation>auto、text、jsonl、json、csv 或 tsv（默认 auto）。</translation>
    </message>
    <message>
        <source>auto, text, alpaca, openai, sharegpt or classification.</source>
        <translation>auto、text、alpaca、openai、sharegpt 或 classification。</translation>
    </message>
    <message>
        <source>The text column or field (default text).</source>
        <translation>文本列或字段（默认 text）。</translation>
    </message>
    <message>
        <source>The label column (default label).</source>
        <translation>标签列（默认 label）。</translation>
    </message>
    <message>
        <source>Skip and count bad rows instead of refusing the data.</source>
        <translation>跳过并统计错误行，而不是拒绝数据。</translation>
    </message>
    <message>
        <source>Longer examples are cut to this many tokens (default 512).</source>
        <translation>更长的样本会被截断到这么多词元（默认 512）。</translation>
    </message>
    <message>
        <source>Share held out for evaluation (default 0.1).</source>
        <translation>留作评估的比例（默认 0.1）。</translation>
    </message>
    <message>
        <source>import: the dataset&apos;s name (default: the file name).</source>
        <translation>import：数据集名称（默认：文件名）。</translation>
    </message>
    <message>
        <source>Build the offline demo models from Debian&apos;s fortunes (a few minutes).</source>
        <translation>用 Debian 的 fortunes 构建离线演示模型（需几分钟）。</translation>
    </message>
    <message>
        <source>Training and job runs: list, show, resume, export-metrics.</source>
        <translation>训练与任务运行：list、show、resume、export-metrics。</translation>
    </message>
    <message>
        <source>list, show, resume or export-metrics.</source>
        <translation>list、show、resume 或 export-metrics。</translation>
    </message>
    <message>
        <source>A run id.</source>
        <translation>运行 ID。</translation>
    </message>
    <message>
        <source>export-metrics: write the CSV to this file instead of stdout.</source>
        <translation>export-metrics：把 CSV 写入此文件而不是标准输出。</translation>
    </message>
    <message>
        <source>Tokenizers: train a byte-level BPE tokenizer from text files.</source>
        <translation>分词器：从文本文件训练字节级 BPE 分词器。</translation>
    </message>
    <message>
        <source>train.</source>
        <translation>train。</translation>
    </message>
    <message>
        <source>A text file or a folder of them (repeatable).</source>
        <translation>一个文本文件或包含文本文件的文件夹（可重复）。</translation>
    </message>
    <message>
        <source>plain (default) or fortune: sayings separated by &apos;%&apos; lines, as in fortune(6) files.</source>
        <translation>plain（默认）或 fortune：以“%”行分隔的格言，如 fortune(6) 文件。</translation>
    </message>
    <message>
        <source>Tokens in the vocabulary: special tokens, the 256 byte symbols and the merges.</source>
        <translation>词表中的词元数：特殊词元、256 个字节符号和合并结果。</translation>
    </message>
    <message>
        <source>Never merge a pair seen fewer times (default 0).</source>
        <translation>出现次数更少的词对永不合并（默认 0）。</translation>
    </message>
    <message>
        <source>A special token, ids from 0 in the order given (repeatable; default &lt;|endoftext|&gt; and &lt;|pad|&gt;).</source>
        <translation>特殊词元，按给出顺序从 0 编号（可重复；默认 &lt;|endoftext|&gt; 和 &lt;|pad|&gt;）。</translation>
    </message>
    <message>
        <source>The special token that plays this role.</source>
        <translation>担任此角色的特殊词元。</translation>
    </message>
    <message>
        <source>The longest token in bytes (default: no limit).</source>
        <translation>最长词元的字节数（默认：不限）。</translation>
    </message>
    <message>
        <source>How text is cut into words: gpt2 (default), llama3, qwen2 or a regex.</source>
        <translation>文本切分为词的方式：gpt2（默认）、llama3、qwen2 或正则表达式。</translation>
    </message>
    <message>
        <source>model_max_length for tokenizer_config.json.</source>
        <translation>tokenizer_config.json 的 model_max_length。</translation>
    </message>
    <message>
        <source>The folder to write the tokenizer files into.</source>
        <translation>写入分词器文件的文件夹。</translation>
    </message>
    <message>
        <source>Train a model from a JSON recipe (docs/recipes.md) and register the result.</source>
        <translation>按 JSON 配方（docs/recipes.md）训练模型并注册结果。</translation>
    </message>
    <message>
        <source>The recipe file.</source>
        <translation>配方文件。</translation>
    </message>
    <message>
        <source>Search hyperparameters: run a sweep file (docs/sweeps.md) of training trials.</source>
        <translation>超参数搜索：运行由训练试验组成的搜索文件（见 docs/sweeps.md）。</translation>
    </message>
    <message>
        <source>The sweep file.</source>
        <translation>搜索文件。</translation>
    </message>
    <message>
        <source>Hyperparameter sweeps: list, show, resume, promote the best trial.</source>
        <translation>超参数搜索：列出、查看、继续，或提升最佳试验。</translation>
    </message>
    <message>
        <source>list, show, resume or promote.</source>
        <translation>list、show、resume 或 promote。</translation>
    </message>
    <message>
        <source>A sweep id.</source>
        <translation>搜索的 ID。</translation>
    </message>
    <message>
        <source>promote: the registered model&apos;s name (default: the sweep&apos;s name + &quot;-best&quot;).</source>
        <translation>promote：注册模型的名称（默认：搜索名称加 &quot;-best&quot;）。</translation>
    </message>
</context>
<context>
    <name>RecoveryNotes</name>
    <message numerus="yes">
        <source>The registry database was rebuilt from the model manifests (%1): %n models restored.</source>
        <translation>
            <numerusform>注册表数据库已根据模型清单重建（%1）：恢复了 %n 个模型。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not restored: %1</source>
        <translation>未恢复：%1</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n leftover files of an operation that did not finish.</source>
        <translation>
            <numerusform>已删除未完成操作遗留的 %n 个文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n missing model manifests.</source>
        <translation>
            <numerusform>已写入 %n 个缺失的模型清单。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>llmos::DeleteModelDialog</name>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Delete %1 from the registry?</source>
        <translation>要从注册表中删除 %1 吗？</translation>
    </message>
    <message>
        <source>The model is used in place: its files stay where they are; only the registry&apos;s record of it goes.</source>
        <translation>此模型是原地使用的：它的文件保留在原处，只删除注册表中的记录。</translation>
    </message>
    <message>
        <source>Its files (%1) are deleted, except those another model shares.</source>
        <translation>它的文件（%1）将被删除，其他模型共用的文件除外。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) were made from it. They stay; those made directly from it lose their link to it, and their lineage keeps only its name:</source>
        <translation>
            <numerusform>有 %n 个模型由它制作而来。这些模型会保留；直接由它制作的模型将失去与它的关联，其谱系中只保留它的名称：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1（%3 的%2）</translation>
    </message>
    <message>
        <source>Delete it anyway</source>
        <translation>仍然删除</translation>
    </message>
</context>
<context>
    <name>llmos::ExportModelDialog</name>
    <message>
        <source>Export %1</source>
        <translation>导出 %1</translation>
    </message>
    <message>
        <source>Hugging Face folder (safetensors, config and tokenizer)</source>
        <translation>Hugging Face 文件夹（safetensors、配置和分词器）</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Largest shard:</source>
        <translation>最大分片：</translation>
    </message>
    <message>
        <source>GGUF file, for llama.cpp and other local runners</source>
        <translation>GGUF 文件，用于 llama.cpp 等本地运行器</translation>
    </message>
    <message>
        <source>F32 (exact, largest)</source>
        <translation>F32（精确，最大）</translation>
    </message>
    <message>
        <source>F16 (half the size)</source>
        <translation>F16（一半大小）</translation>
    </message>
    <message>
        <source>Q8_0 (8-bit, about a quarter)</source>
        <translation>Q8_0（8 位，约四分之一大小）</translation>
    </message>
    <message>
        <source>Weights as:</source>
        <translation>权重格式：</translation>
    </message>
    <message>
        <source>GGUF export takes Llama, Mistral and Qwen2 models in Hugging Face format</source>
        <translation>GGUF 导出只支持 Hugging Face 格式的 Llama、Mistral 和 Qwen2 模型</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>保存为：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>请选择导出的保存位置。</translation>
    </message>
    <message>
        <source>%1 already exists; choose a new name.</source>
        <translation>%1 已存在，请换一个名称。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>Save the export as</source>
        <translation>导出保存为</translation>
    </message>
    <message>
        <source>Hugging Face folder (weights dequantized to safetensors, config, tokenizer.json and chat template)</source>
        <translation>Hugging Face 文件夹（权重反量化为 safetensors，含配置、tokenizer.json 和聊天模板）</translation>
    </message>
    <message>
        <source>It is a GGUF file already</source>
        <translation>它已经是 GGUF 文件</translation>
    </message>
</context>
<context>
    <name>llmos::LineageView</name>
    <message>
        <source>%1 was deleted; the lineage keeps its name</source>
        <translation>%1 已被删除，谱系中保留它的名称</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>显示 %1</translation>
    </message>
</context>
<context>
    <name>llmos::MainWindow</name>
    <message>
        <source>LLM OS Workbench</source>
        <translation>LLM OS 工作台</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>微调</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>llmos::ModelActions</name>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import a model folder or file (or drop it on the window)</source>
        <translation>导入模型文件夹或文件（也可以拖到窗口上）</translation>
    </message>
    <message>
        <source>Model folder…</source>
        <translation>模型文件夹…</translation>
    </message>
    <message>
        <source>Model file (.gguf, .safetensors)…</source>
        <translation>模型文件（.gguf、.safetensors）…</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Show the models as a table</source>
        <translation>以表格显示模型</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>卡片</translation>
    </message>
    <message>
        <source>Show the models as cards</source>
        <translation>以卡片显示模型</translation>
    </message>
    <message>
        <source>Open in playground</source>
        <translation>在试验场中打开</translation>
    </message>
    <message>
        <source>Arrives with the chat playground; meanwhile: llmos chat --model NAME</source>
        <translation>将随聊天试验场一起推出；目前可用：llmos chat --model 名称</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>微调</translation>
    </message>
    <message>
        <source>Arrives with the fine-tuning designer</source>
        <translation>将随微调设计器一起推出</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write the model as a Hugging Face folder or a GGUF file</source>
        <translation>将模型写出为 Hugging Face 文件夹或 GGUF 文件</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete the model from the registry</source>
        <translation>从注册表中删除此模型</translation>
    </message>
    <message>
        <source>Check files</source>
        <translation>检查文件</translation>
    </message>
    <message>
        <source>Compare the model&apos;s files with what was registered, to find files that changed or are gone</source>
        <translation>将模型的文件与注册时的状态比较，找出已更改或已丢失的文件</translation>
    </message>
    <message>
        <source>Rebuild the registry…</source>
        <translation>重建注册表…</translation>
    </message>
    <message>
        <source>Create a new registry database from the manifests stored with the models</source>
        <translation>根据随模型保存的清单新建注册表数据库</translation>
    </message>
</context>
<context>
    <name>llmos::ModelDetailsPane</name>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Data type</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>License</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Imported from</source>
        <translation>导入自</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>The details could not be read: %1</source>
        <translation>无法读取详细信息：%1</translation>
    </message>
    <message>
        <source>%1 parameters</source>
        <translation>%1 参数</translation>
    </message>
    <message>
        <source>Its files are not as they were imported: %1</source>
        <translation>它的文件与导入时不同：%1</translation>
    </message>
    <message>
        <source>This model has no model card (README.md).</source>
        <translation>此模型没有模型卡片（README.md）。</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 个词元</translation>
    </message>
    <message>
        <source>used in place, where they were imported from</source>
        <translation>原地使用，位于导入时的位置</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) stored in the registry</source>
        <translation>
            <numerusform>%n 个文件存储在注册表中</numerusform>
        </translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>谱系</translation>
    </message>
    <message>
        <source>No lineage recorded: this model was not made from another registered model, and no registered model was made from it.</source>
        <translation>没有谱系记录：此模型不是由其他已注册模型制作的，也没有已注册模型由它制作。</translation>
    </message>
    <message>
        <source>Select a model to see its card, configuration, tensors, files and lineage.</source>
        <translation>选择一个模型以查看其模型卡、配置、张量、文件和谱系。</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>张量</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>模型卡</translation>
    </message>
</context>
<context>
    <name>llmos::ModelEmptyState</name>
    <message>
        <source>No models yet</source>
        <translation>还没有模型</translation>
    </message>
    <message>
        <source>Drag a Hugging Face model folder or a .gguf file onto this window, or use Import…</source>
        <translation>把 Hugging Face 模型文件夹或 .gguf 文件拖到此窗口，或使用“导入…”</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>&lt;b&gt;From a terminal&lt;/b&gt;, the same registry:&lt;ul&gt;&lt;li&gt;&lt;code&gt;llmos models import PATH&lt;/code&gt; — register a Hugging Face folder, a .safetensors file with its config, a .gguf file or a PEFT adapter;&lt;/li&gt;&lt;li&gt;&lt;code&gt;llmos models list&lt;/code&gt; — what is registered;&lt;/li&gt;&lt;li&gt;&lt;code&gt;llmos chat --model NAME&lt;/code&gt; — chat with a registered model in the terminal.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;b&gt;在终端中&lt;/b&gt;使用同一个注册表：&lt;ul&gt;&lt;li&gt;&lt;code&gt;llmos models import PATH&lt;/code&gt; — 注册 Hugging Face 文件夹、带配置的 .safetensors 文件、.gguf 文件或 PEFT 适配器；&lt;/li&gt;&lt;li&gt;&lt;code&gt;llmos models list&lt;/code&gt; — 列出已注册的模型；&lt;/li&gt;&lt;li&gt;&lt;code&gt;llmos chat --model NAME&lt;/code&gt; — 在终端中与已注册的模型聊天。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>%1 — %2%</source>
        <translation>%1 — %2%</translation>
    </message>
    <message>
        <source>Or build the demo models</source>
        <translation>或者构建演示模型</translation>
    </message>
    <message>
        <source>Trains two small models on the sayings of Debian&apos;s fortune packages: a language model that writes like them, and a classifier that tells their topics apart. Offline, in about five minutes on a laptop; the window stays usable meanwhile.</source>
        <translation>用 Debian fortune 软件包里的格言训练两个小模型：一个模仿其文风的语言模型，和一个区分其主题的分类器。离线进行，笔记本上约五分钟；期间窗口照常可用。</translation>
    </message>
    <message>
        <source>Build the demo models</source>
        <translation>构建演示模型</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>llmos::ModelFileList</name>
    <message>
        <source>Used in place: %1</source>
        <translation>原地使用：%1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy SHA-256</source>
        <translation>复制 SHA-256</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>as registered</source>
        <translation>与注册时一致</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
</context>
<context>
    <name>llmos::ModelFilterBar</name>
    <message>
        <source>Any size</source>
        <translation>任意大小</translation>
    </message>
    <message>
        <source>Under 1 GiB</source>
        <translation>小于 1 GiB</translation>
    </message>
    <message>
        <source>1–10 GiB</source>
        <translation>1–10 GiB</translation>
    </message>
    <message>
        <source>Over 10 GiB</source>
        <translation>大于 10 GiB</translation>
    </message>
    <message>
        <source>Search names, families, architectures…</source>
        <translation>搜索名称、系列、架构…</translation>
    </message>
    <message>
        <source>All families</source>
        <translation>全部系列</translation>
    </message>
    <message>
        <source>Any task</source>
        <translation>任意任务</translation>
    </message>
    <message>
        <source>Any origin</source>
        <translation>任意来源</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <source>Matches part of a model&apos;s name, description, architecture or family</source>
        <translation>匹配模型名称、描述、架构或系列中的部分文字</translation>
    </message>
    <message>
        <source>Derived from the architecture: …ForCausalLM generates text, …ForSequenceClassification classifies, a bare encoder (BertModel) embeds</source>
        <translation>由架构推断：…ForCausalLM 生成文本，…ForSequenceClassification 做分类，纯编码器（BertModel）生成嵌入</translation>
    </message>
</context>
<context>
    <name>llmos::ModelLibrary</name>
    <message>
        <source>an unknown error stopped the request</source>
        <translation>未知错误中止了请求</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message numerus="yes">
        <source>Import %n models</source>
        <translation>
            <numerusform>导入 %n 个模型</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>导出 %1</translation>
    </message>
    <message>
        <source>Check the files of %1</source>
        <translation>检查 %1 的文件</translation>
    </message>
    <message>
        <source>Rebuild the model registry</source>
        <translation>重建模型注册表</translation>
    </message>
    <message>
        <source>Build the demo models</source>
        <translation>构建演示模型</translation>
    </message>
</context>
<context>
    <name>llmos::ModelOperations</name>
    <message>
        <source>Import a model folder</source>
        <translation>导入模型文件夹</translation>
    </message>
    <message>
        <source>Import a model file</source>
        <translation>导入模型文件</translation>
    </message>
    <message>
        <source>Model files (*.gguf *.safetensors)</source>
        <translation>模型文件 (*.gguf *.safetensors)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>已将 %1 导出到 %2</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>已删除 %1</translation>
    </message>
    <message>
        <source>The files of %1 are as they were when it was registered.</source>
        <translation>%1 的文件与注册时一致。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed: %1</source>
        <translation>
            <numerusform>%n 个文件已更改：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) missing: %1</source>
        <translation>
            <numerusform>%n 个文件缺失：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>The files of %1 are not as they were when it was registered. %2. Import it again to register what is there now.</source>
        <translation>%1 的文件与注册时不一致。%2。请重新导入，以注册现在的文件。</translation>
    </message>
    <message>
        <source>Rebuild the model registry</source>
        <translation>重建模型注册表</translation>
    </message>
    <message>
        <source>The registry&apos;s database is damaged. Rebuilding creates a new one from the manifests stored with each model&apos;s files.</source>
        <translation>注册表的数据库已损坏。重建会根据随每个模型文件保存的清单创建新的数据库。</translation>
    </message>
    <message>
        <source>The damaged file is kept aside, not deleted. Models, their files, tags and lineage come back; training runs and datasets come back only as names in the lineage.</source>
        <translation>损坏的文件会另存一旁，不会删除。模型及其文件、标签和谱系都会恢复；训练运行和数据集只会作为谱系中的名称恢复。</translation>
    </message>
    <message>
        <source>Rebuild</source>
        <translation>重建</translation>
    </message>
    <message numerus="yes">
        <source>The registry was rebuilt: %n model(s) restored.</source>
        <translation>
            <numerusform>注册表已重建：恢复了 %n 个模型。</numerusform>
        </translation>
    </message>
    <message>
        <source>The damaged database was kept as %1.</source>
        <translation>损坏的数据库已保存为 %1。</translation>
    </message>
    <message>
        <source>Not restored: %1</source>
        <translation>未恢复：%1</translation>
    </message>
</context>
<context>
    <name>llmos::ModelTableModel</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Data type</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
</context>
<context>
    <name>llmos::ModelTaskWork</name>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1（第 %2 个，共 %3 个）</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Copying %1: %2 of %3</source>
        <translation>正在复制 %1：%2 / %3</translation>
    </message>
    <message>
        <source>Registering %1…</source>
        <translation>正在注册 %1…</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>正在删除…</translation>
    </message>
    <message>
        <source>Deleted; %1 freed</source>
        <translation>已删除，释放了 %1</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <source>Exporting: %1%</source>
        <translation>正在导出：%1%</translation>
    </message>
    <message>
        <source>Checking files…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>已检查</translation>
    </message>
    <message>
        <source>Rebuilding the registry from the stored manifests…</source>
        <translation>正在根据保存的清单重建注册表…</translation>
    </message>
    <message>
        <source>Rebuilt</source>
        <translation>已重建</translation>
    </message>
</context>
<context>
    <name>llmos::ModelTensorList</name>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1（位于 %2）</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>张量</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>The tensors could not be read: %1</source>
        <translation>无法读取张量：%1</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) · %1 parameters · %2 · %3</source>
        <translation>
            <numerusform>%n 个张量 · %1 个参数 · %2 · %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>llmos::ModelText</name>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>fine-tuned</source>
        <translation>微调</translation>
    </message>
    <message>
        <source>quantized</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>adapter</source>
        <translation>适配器</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Hugging Face folder</source>
        <translation>Hugging Face 文件夹</translation>
    </message>
    <message>
        <source>GGUF file</source>
        <translation>GGUF 文件</translation>
    </message>
    <message>
        <source>PEFT adapter</source>
        <translation>PEFT 适配器</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>files changed since import</source>
        <translation>文件自导入后已改变</translation>
    </message>
    <message>
        <source>files missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <source>any task</source>
        <translation>任意任务</translation>
    </message>
    <message>
        <source>text generation</source>
        <translation>文本生成</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>fine-tune</source>
        <translation>微调</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>quantize</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Reading the fortunes</source>
        <translation>正在读取格言</translation>
    </message>
    <message>
        <source>Learning a tokenizer</source>
        <translation>正在学习分词器</translation>
    </message>
    <message>
        <source>Making an untrained model</source>
        <translation>正在创建未训练的模型</translation>
    </message>
    <message>
        <source>Training the language model</source>
        <translation>正在训练语言模型</translation>
    </message>
    <message>
        <source>Training the topic classifier</source>
        <translation>正在训练主题分类器</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>llmos::ModelsPage</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>%1 of %2 models</source>
        <translation>%1 / %2 个模型</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n 个模型</numerusform>
        </translation>
    </message>
    <message>
        <source>The model registry could not be read: %1</source>
        <translation>无法读取模型注册表：%1</translation>
    </message>
    <message>
        <source>The model registry&apos;s database is damaged: %1
Your models&apos; files are safe; the registry can be rebuilt from the manifests stored with them.</source>
        <translation>模型注册表的数据库已损坏：%1
您的模型文件是安全的；可以根据随文件保存的清单重建注册表。</translation>
    </message>
    <message>
        <source>The demo models could not be built: %1</source>
        <translation>无法构建演示模型：%1</translation>
    </message>
</context>
<context>
    <name>llmos::NoMatchState</name>
    <message>
        <source>No model matches these filters</source>
        <translation>没有符合这些筛选条件的模型</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
</context>
<context>
    <name>llmos::NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>llmos::PlannedPage</name>
    <message>
        <source>This page is not built yet.</source>
        <translation>此页面尚未完成。</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>微调</translation>
    </message>
    <message>
        <source>Design a fine-tuning run: pick a model and a dataset, choose full fine-tuning or LoRA, adapters, prefix or prompt tuning, and start it.</source>
        <translation>设计一次微调：选择模型和数据集，选择全量微调或 LoRA、适配器、前缀或提示调优，然后开始。</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Hyperparameter searches with live loss curves: grid, random, TPE and ASHA/Hyperband, compared side by side.</source>
        <translation>超参数搜索与实时损失曲线：网格、随机、TPE 和 ASHA/Hyperband，并排比较。</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Everything running or queued on this machine, with progress, pause and cancel.</source>
        <translation>本机上正在运行或排队的所有任务，可查看进度、暂停和取消。</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Small applications on your models: chat playground and arena, classifier, semantic search, stream monitor.</source>
        <translation>基于你的模型的小应用：聊天试验场与竞技场、分类器、语义搜索、流监视器。</translation>
    </message>
    <message>
        <source>Until this page arrives, chat with a model from a terminal:
llmos chat --model PATH</source>
        <translation>在此页面完成之前，可以在终端中与模型对话：
llmos chat --model PATH</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Serve your models on this machine through an OpenAI-compatible API.</source>
        <translation>通过兼容 OpenAI 的 API 在本机上提供模型服务。</translation>
    </message>
</context>
<context>
    <name>llmos::ProgressDialog</name>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>llmos::ResourceUsageIndicator</name>
    <message>
        <source>CPU %1 · llmos %2</source>
        <translation>CPU %1 · llmos %2</translation>
    </message>
    <message>
        <source>Memory –</source>
        <translation>内存 –</translation>
    </message>
    <message>
        <source>Memory %1 / %2 · llmos %3</source>
        <translation>内存 %1 / %2 · llmos %3</translation>
    </message>
    <message>
        <source>%1: %2 busy, %3 of %4 memory</source>
        <translation>%1：占用 %2，显存 %3 / %4</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>GPU %1 · %2</source>
        <translation>GPU %1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n GPUs, busiest %1 · %2</source>
        <translation>
            <numerusform>%n 个 GPU，最忙 %1 · %2</numerusform>
        </translation>
    </message>
    <message>
        <source>CPU use: the whole machine, and this program&apos;s share of it</source>
        <translation>CPU 使用率：整台机器，以及本程序所占的份额</translation>
    </message>
    <message>
        <source>Memory: in use on the machine, its total, and what this program holds</source>
        <translation>内存：本机已用、总量，以及本程序占用的内存</translation>
    </message>
</context>
<context>
    <name>llmos::RunningJobsIndicator</name>
    <message>
        <source>No jobs running</source>
        <translation>没有正在运行的任务</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>正在运行：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n jobs running</source>
        <translation>
            <numerusform>%n 个任务正在运行</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the jobs</source>
        <translation>查看任务</translation>
    </message>
</context>
<context>
    <name>llmos::SettingsPage</name>
    <message>
        <source>Choose the data folder</source>
        <translation>选择数据文件夹</translation>
    </message>
    <message>
        <source>Enter a full path, such as %1.</source>
        <translation>请输入完整路径，例如 %1。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Use default</source>
        <translation>使用默认</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source> of %1 cores</source>
        <translation> / %1 核</translation>
    </message>
    <message>
        <source>How many CPU threads model code uses. Applies at once.</source>
        <translation>模型代码使用的 CPU 线程数。立即生效。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Auto: a CUDA GPU when there is one, else the CPU</source>
        <translation>自动：有 CUDA GPU 时使用 GPU，否则使用 CPU</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>Checking which devices this machine has…</source>
        <translation>正在检查本机有哪些设备…</translation>
    </message>
    <message>
        <source>CUDA was chosen, but this build or machine has no CUDA GPU, so models run on the CPU.</source>
        <translation>已选择 CUDA，但此构建或本机没有 CUDA GPU，因此模型在 CPU 上运行。</translation>
    </message>
    <message>
        <source>This build or machine has no CUDA GPU, so models run on the CPU.</source>
        <translation>此构建或本机没有 CUDA GPU，因此模型在 CPU 上运行。</translation>
    </message>
    <message>
        <source>Used by models loaded from now on.</source>
        <translation>对此后加载的模型生效。</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Models, runs and datasets are kept here. The environment variable LLMOS_HOME (%1) is set and wins over this setting.</source>
        <translation>模型、运行记录和数据集都保存在这里。已设置环境变量 LLMOS_HOME（%1），它优先于此设置。</translation>
    </message>
    <message>
        <source>Models, runs and datasets are kept here. The new folder is used after the workbench restarts; until then %1 stays in use. Nothing is moved from it.</source>
        <translation>模型、运行记录和数据集都保存在这里。新文件夹将在工作台重启后启用；在此之前仍使用 %1。其中的内容不会被移动。</translation>
    </message>
    <message>
        <source>Models, runs and datasets are kept here. A change takes effect after the workbench restarts.</source>
        <translation>模型、运行记录和数据集都保存在这里。更改将在工作台重启后生效。</translation>
    </message>
</context>
<context>
    <name>llmos::SystemSummary</name>
    <message>
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>libtorch</source>
        <translation>libtorch</translation>
    </message>
    <message>
        <source>BLAS</source>
        <translation>BLAS</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Matrix speed</source>
        <translation>矩阵运算速度</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>none, running on the CPU</source>
        <translation>无，使用 CPU 运行</translation>
    </message>
    <message numerus="yes">
        <source>%n CUDA device(s)</source>
        <translation>
            <numerusform>%n 个 CUDA 设备</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 GFLOP/s (fp32 matrix multiply)</source>
        <translation>%1 GFLOP/s（fp32 矩阵乘法）</translation>
    </message>
    <message>
        <source>libtorch is using the slow reference BLAS. Install the package libopenblas0-openmp to make models run about 30 times faster.</source>
        <translation>libtorch 正在使用缓慢的参考 BLAS。安装 libopenblas0-openmp 软件包可使模型运行速度提高约 30 倍。</translation>
    </message>
</context>
<context>
    <name>llmos::TagEditor</name>
    <message>
        <source>Remove the tag %1</source>
        <translation>移除标签 %1</translation>
    </message>
    <message>
        <source>Add a tag…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <source>Type a tag and press Enter</source>
        <translation>输入标签后按回车</translation>
    </message>
</context>
<context>
    <name>llmos::TaskRunner</name>
    <message>
        <source>an unknown error stopped the task</source>
        <translation>任务因未知错误而停止</translation>
    </message>
    <message>
        <source>the task failed without saying why</source>
        <translation>任务失败，但没有给出原因</translation>
    </message>
</context>
</TS>
