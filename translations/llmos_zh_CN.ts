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
    <message>
        <source>reading weights of that size: %1 GB/s; batch-1 bound %2 tokens/s</source>
        <translation>读取同样大小的权重：%1 GB/s；批大小 1 的上限 %2 词元/秒</translation>
    </message>
    <message>
        <source>--port must be between 0 and 65535</source>
        <translation>--port 必须在 0 到 65535 之间</translation>
    </message>
    <message>
        <source>--max-tokens-cap must be at least 1</source>
        <translation>--max-tokens-cap 至少为 1</translation>
    </message>
    <message numerus="yes">
        <source>Serving %n model(s) on http://%1:%2/v1 (Ctrl-C stops)</source>
        <translation>
            <numerusform>正在 http://%1:%2/v1 上提供 %n 个模型（按 Ctrl-C 停止）</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>--unload-after must be 0 (never) or a number of seconds</source>
        <translation>--unload-after 必须为 0（从不）或秒数</translation>
    </message>
    <message>
        <source>--save-model needs --shape small|tiny</source>
        <translation>--save-model 需要与 --shape small|tiny 一起使用</translation>
    </message>
    <message>
        <source>Wrote the random model to %1</source>
        <translation>已将随机模型写入 %1</translation>
    </message>
    <message>
        <source>--max-requests-per-key must be between 0 (no cap) and 1024</source>
        <translation>--max-requests-per-key 必须在 0（不限）到 1024 之间</translation>
    </message>
    <message>
        <source>--max-upload-mb must be between 1 and 65536</source>
        <translation>--max-upload-mb 必须在 1 到 65536 之间</translation>
    </message>
    <message>
        <source>%1 on %2: %3 examples (%4 skipped), %5 s</source>
        <translation>%1 在 %2 上：%3 个样例（跳过 %4 个），%5 秒</translation>
    </message>
    <message>
        <source>confusion matrix (rows: actual, columns: predicted):</source>
        <translation>混淆矩阵（行：实际，列：预测）：</translation>
    </message>
    <message>
        <source>  asked: %1
  wanted: %2
  answered: %3</source>
        <translation>  问题：%1
  参考：%2
  回答：%3</translation>
    </message>
    <message>
        <source>report %1</source>
        <translation>报告 %1</translation>
    </message>
    <message>
        <source>--limit must be at least 1</source>
        <translation>--limit 至少为 1</translation>
    </message>
    <message>
        <source>--max-new-tokens must be between 1 and 4096</source>
        <translation>--max-new-tokens 必须在 1 到 4096 之间</translation>
    </message>
    <message>
        <source>evaluating: %1 of %2</source>
        <translation>正在评估：%1 / %2</translation>
    </message>
    <message>
        <source>%1 has no evaluation yet; run: llmos eval --model %1 --data FILE</source>
        <translation>%1 尚无评估；请运行：llmos eval --model %1 --data FILE</translation>
    </message>
    <message>
        <source>compare needs two or more report ids (see: llmos eval list --model M)</source>
        <translation>compare 需要两个或更多报告 id（见：llmos eval list --model M）</translation>
    </message>
    <message>
        <source>note: these reports were made on different data; their figures do not compare</source>
        <translation>注意：这些报告基于不同的数据，其数值不可比较</translation>
    </message>
    <message>
        <source>unknown eval verb &apos;%1&apos;: use list or compare, or none to evaluate</source>
        <translation>未知的 eval 子命令“%1”：请使用 list 或 compare，不带子命令则进行评估</translation>
    </message>
    <message>
        <source>%1: prefill %2 tokens/s, decode %3 tokens/s, first token after %4 ms</source>
        <translation>%1：预填充 %2 词元/秒，解码 %3 词元/秒，首个词元用时 %4 毫秒</translation>
    </message>
    <message>
        <source>--quantize must be 8 or 4</source>
        <translation>--quantize 必须是 8 或 4</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>批大小 %1</translation>
    </message>
    <message>
        <source>quantized, batch %1 (%2x decode)</source>
        <translation>量化后，批大小 %1（解码 %2 倍）</translation>
    </message>
    <message>
        <source>quantized weights read per decode step: %1 MiB</source>
        <translation>量化后每个解码步读取的权重：%1 MiB</translation>
    </message>
    <message>
        <source>%1 texts in %2 s: %3 texts/s</source>
        <translation>%1 条文本用时 %2 秒：每秒 %3 条</translation>
    </message>
    <message>
        <source>give either --text STR or --file FILE</source>
        <translation>请给出 --text STR 或 --file FILE 之一</translation>
    </message>
    <message>
        <source>--bits must be 8 or 4</source>
        <translation>--bits 必须是 8 或 4</translation>
    </message>
    <message>
        <source>--group must be a multiple of 32 (32 to 4096)</source>
        <translation>--group 必须是 32 的倍数（32 到 4096）</translation>
    </message>
    <message>
        <source>--group goes with --bits 4; int8 has one scale per output channel</source>
        <translation>--group 与 --bits 4 一起使用；int8 每个输出通道一个缩放因子</translation>
    </message>
    <message>
        <source>quantizing</source>
        <translation>正在量化</translation>
    </message>
    <message>
        <source>measuring the original</source>
        <translation>正在测量原模型</translation>
    </message>
    <message>
        <source>measuring the quantized model</source>
        <translation>正在测量量化模型</translation>
    </message>
    <message>
        <source>registering</source>
        <translation>正在注册</translation>
    </message>
    <message>
        <source>  size      %1 -&gt; %2 (%3x smaller)</source>
        <translation>  大小      %1 -&gt; %2（缩小 %3 倍）</translation>
    </message>
    <message>
        <source>  decoding  %1 -&gt; %2 tokens/s (%3x)</source>
        <translation>  解码      %1 -&gt; %2 词元/秒（%3 倍）</translation>
    </message>
    <message>
        <source>  agreement %1% of %2 next-token choices match the original&apos;s</source>
        <translation>  一致性    %2 次下一词元选择中有 %1% 与原模型相同</translation>
    </message>
    <message>
        <source>  perplexity %1 -&gt; %2 (%3%)</source>
        <translation>  困惑度    %1 -&gt; %2（%3%）</translation>
    </message>
    <message>
        <source>registered %1 (%2): %3 quantization of %4</source>
        <translation>已注册 %1（%2）：%4 的 %3 量化</translation>
    </message>
    <message>
        <source>--drop-layers: &apos;%1&apos; is not a layer number</source>
        <translation>--drop-layers：“%1”不是层号</translation>
    </message>
    <message>
        <source>--sparsity must be between 0 and 0.95</source>
        <translation>--sparsity 必须在 0 到 0.95 之间</translation>
    </message>
    <message>
        <source>pruning and measuring (%1%)</source>
        <translation>正在剪枝并测量（%1%）</translation>
    </message>
    <message>
        <source>registered %1 (%2), pruned from %3: layers removed: %4; weights zeroed: %5%</source>
        <translation>已注册 %1（%2），由 %3 剪枝而来：移除的层：%4；置零的权重：%5%</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>  parameters %1 -&gt; %2 (zeros not counted)</source>
        <translation>  参数      %1 -&gt; %2（不计零值）</translation>
    </message>
    <message>
        <source>--pooling: &apos;%1&apos; is not cls, mean or last</source>
        <translation>--pooling：“%1”不是 cls、mean 或 last</translation>
    </message>
    <message>
        <source>an ensemble needs two or more --model</source>
        <translation>集成至少需要两个 --model</translation>
    </message>
    <message>
        <source>ensemble</source>
        <translation>集成</translation>
    </message>
    <message>
        <source>classifying: %1 of %2</source>
        <translation>正在分类：%1 / %2</translation>
    </message>
    <message>
        <source>%1: %2 examples (%3 skipped)</source>
        <translation>%1：%2 个样本（跳过 %3 个）</translation>
    </message>
    <message>
        <source>give either --text STR or --data FILE</source>
        <translation>请给出 --text STR 或 --data FILE 之一</translation>
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
        <source>The text to classify.</source>
        <translation>要分类的文本。</translation>
    </message>
    <message>
        <source>A text to embed; repeat for several.</source>
        <translation>要嵌入的文本；可重复指定多个。</translation>
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
    <message>
        <source>Serve models over an OpenAI-compatible HTTP API.</source>
        <translation>通过兼容 OpenAI 的 HTTP API 提供模型服务。</translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1; any other needs an API key).</source>
        <translation>监听地址（默认 127.0.0.1；其他地址需要 API 密钥）。</translation>
    </message>
    <message>
        <source>Port (default 8080; 0: any free port).</source>
        <translation>端口（默认 8080；0 表示任一空闲端口）。</translation>
    </message>
    <message>
        <source>A model to serve: a folder, a GGUF file, or a registered id or name; repeat for more (default: every registered model).</source>
        <translation>要提供的模型：文件夹、GGUF 文件，或已注册模型的 ID 或名称；可重复指定（默认：所有已注册的模型）。</translation>
    </message>
    <message>
        <source>A key clients must send (Authorization: Bearer KEY), allowed everything; repeat for more.</source>
        <translation>客户端必须发送的密钥（Authorization: Bearer KEY），拥有全部权限；可重复指定。</translation>
    </message>
    <message>
        <source>A key allowed only the /v1 inference endpoints.</source>
        <translation>只允许使用 /v1 推理接口的密钥。</translation>
    </message>
    <message>
        <source>Another Host name clients may use (the server refuses unknown names against DNS rebinding).</source>
        <translation>客户端可使用的其他 Host 名称（服务器拒绝未知名称，以防 DNS 重绑定）。</translation>
    </message>
    <message>
        <source>A web origin allowed to call the API from a browser (default: none).</source>
        <translation>允许从浏览器调用 API 的网页来源（默认：无）。</translation>
    </message>
    <message>
        <source>The most tokens one request may generate (default 4096).</source>
        <translation>单个请求最多可生成的词元数（默认 4096）。</translation>
    </message>
    <message>
        <source>Unload a model no request has used for this many seconds (default 600; 0: never).</source>
        <translation>模型在这么多秒内没有请求使用时将其卸载（默认 600；0 表示从不）。</translation>
    </message>
    <message>
        <source>Only write the --shape model&apos;s random weights and tokenizer into DIR (for other benchmarks).</source>
        <translation>只把 --shape 模型的随机权重和分词器写入 DIR（供其他基准测试使用）。</translation>
    </message>
    <message>
        <source>Requests one API key may have in progress at once (default 8; 0: no cap).</source>
        <translation>一个 API 密钥同时可进行的请求数（默认 8；0：不限）。</translation>
    </message>
    <message>
        <source>The largest file /v1/files accepts, in MiB (default 100).</source>
        <translation>/v1/files 接受的最大文件，单位 MiB（默认 100）。</translation>
    </message>
    <message>
        <source>Evaluate a model on a dataset (perplexity, classification or generation); list and compare the reports.</source>
        <translation>在数据集上评估模型（困惑度、分类或生成）；列出并比较报告。</translation>
    </message>
    <message>
        <source>A model folder, or the id or name of a registered one.</source>
        <translation>模型文件夹，或已注册模型的 id 或名称。</translation>
    </message>
    <message>
        <source>The dataset file to evaluate on.</source>
        <translation>用于评估的数据集文件。</translation>
    </message>
    <message>
        <source>perplexity (default), classification or generation.</source>
        <translation>perplexity（默认）、classification 或 generation。</translation>
    </message>
    <message>
        <source>classification: the text column (default text).</source>
        <translation>classification：文本列（默认 text）。</translation>
    </message>
    <message>
        <source>classification: the label column (default label).</source>
        <translation>classification：标签列（默认 label）。</translation>
    </message>
    <message>
        <source>Evaluate at most this many rows (blocks, for perplexity).</source>
        <translation>最多评估这么多行（困惑度为块数）。</translation>
    </message>
    <message>
        <source>generation: the longest answer (default 128).</source>
        <translation>generation：回答的最大长度（默认 128）。</translation>
    </message>
    <message>
        <source>list (--model M) or compare ID ID...; none: evaluate</source>
        <translation>list（--model M）或 compare ID ID...；不带则进行评估</translation>
    </message>
    <message>
        <source>Also measure the model quantized to 8 bits, or to 4 bits in groups of 32, in the same run.</source>
        <translation>在同一次运行中同时测量量化为 8 位（或每 32 个一组的 4 位）的模型。</translation>
    </message>
    <message>
        <source>Label a text with a sequence classifier (BERT, GPT-2 or Llama family).</source>
        <translation>用序列分类器（BERT、GPT-2 或 Llama 系列）给文本加标签。</translation>
    </message>
    <message>
        <source>A Hugging Face *ForSequenceClassification folder (or a BERT classifier GGUF), or the id or name of a registered one.</source>
        <translation>Hugging Face *ForSequenceClassification 文件夹（或 BERT 分类器 GGUF），或已注册模型的 ID 或名称。</translation>
    </message>
    <message>
        <source>Classify every line of this file (one text a line) in batches; prints the texts per second.</source>
        <translation>按批分类此文件的每一行（每行一条文本），并打印每秒处理的文本数。</translation>
    </message>
    <message>
        <source>The new model&apos;s name (default: the source&apos;s name with a suffix saying what was done).</source>
        <translation>新模型的名称（默认：源模型名称加上说明所做操作的后缀）。</translation>
    </message>
    <message>
        <source>A text dataset to compare perplexity on.</source>
        <translation>用于比较困惑度的文本数据集。</translation>
    </message>
    <message>
        <source>Perplexity over at most this many rows (default 200).</source>
        <translation>最多在这么多行上计算困惑度（默认 200）。</translation>
    </message>
    <message>
        <source>Remove whole layers of a registered model, or zero its smallest weights, and register the result with its size and quality change.</source>
        <translation>移除已注册模型的整层，或将其最小的权重置零，并注册结果及其大小和质量变化。</translation>
    </message>
    <message>
        <source>The id or name of a registered GPT-2 or Llama-family model.</source>
        <translation>已注册的 GPT-2 或 Llama 系列模型的 ID 或名称。</translation>
    </message>
    <message>
        <source>Decoder layers to remove, counted from 0, comma-separated (depth pruning).</source>
        <translation>要移除的解码器层，从 0 开始计数，以逗号分隔（深度剪枝）。</translation>
    </message>
    <message>
        <source>Share of each layer matrix to set to zero, the smallest weights first (0 to 0.95).</source>
        <translation>每个层矩阵中置零的比例，先置零最小的权重（0 到 0.95）。</translation>
    </message>
    <message>
        <source>Quantize a registered model&apos;s weights (int8 per channel, or 4-bit in groups) and register the smaller model with its size, speed and quality change.</source>
        <translation>量化已注册模型的权重（按通道 int8，或分组 4 位），并注册更小的模型及其大小、速度和质量变化。</translation>
    </message>
    <message>
        <source>The id or name of a registered Llama-family model.</source>
        <translation>已注册的 Llama 系列模型的 ID 或名称。</translation>
    </message>
    <message>
        <source>8 (default) or 4.</source>
        <translation>8（默认）或 4。</translation>
    </message>
    <message>
        <source>4-bit: columns per scale, a multiple of 32 (default 32).</source>
        <translation>4 位：每个缩放因子对应的列数，32 的倍数（默认 32）。</translation>
    </message>
    <message>
        <source>Leave the output layer (LM head) in floating point.</source>
        <translation>输出层（LM head）保持浮点。</translation>
    </message>
    <message>
        <source>Embedding vectors of texts from a BERT encoder or a decoder.</source>
        <translation>用 BERT 编码器或解码器计算文本的嵌入向量。</translation>
    </message>
    <message>
        <source>A Hugging Face or sentence-transformers model folder (BERT, or a decoder), or the id or name of a registered one.</source>
        <translation>Hugging Face 或 sentence-transformers 模型文件夹（BERT 或解码器），或已注册模型的 ID 或名称。</translation>
    </message>
    <message>
        <source>cls, mean or last (default: the model folder&apos;s 1_Pooling setting, else mean).</source>
        <translation>cls、mean 或 last（默认：模型文件夹中 1_Pooling 的设置，否则为 mean）。</translation>
    </message>
    <message>
        <source>Classify with several classifiers at once, averaging their probabilities; on a labelled file, report the ensemble against each member.</source>
        <translation>同时用多个分类器分类并平均其概率；在带标签的文件上，报告集成与每个成员的对比。</translation>
    </message>
    <message>
        <source>A classifier (folder, id or name); give two or more.</source>
        <translation>分类器（文件夹、ID 或名称）；给出两个或更多。</translation>
    </message>
    <message>
        <source>One text to classify.</source>
        <translation>要分类的一条文本。</translation>
    </message>
    <message>
        <source>A labelled file to evaluate the ensemble on.</source>
        <translation>用于评估集成的带标签文件。</translation>
    </message>
    <message>
        <source>The text column (default text).</source>
        <translation>文本列（默认 text）。</translation>
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
    <name>llmos::ApiKeyDialog</name>
    <message>
        <source>New API key</source>
        <translation>新建 API 密钥</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Use the models (the /v1 endpoints)</source>
        <translation>使用模型（/v1 接口）</translation>
    </message>
    <message>
        <source>Everything, also manage models and jobs (/api)</source>
        <translation>全部权限，包括管理模型和任务（/api）</translation>
    </message>
    <message>
        <source>Allowed:</source>
        <translation>权限：</translation>
    </message>
    <message>
        <source>Copy the key now: this is the only time it is shown. The workbench keeps only a fingerprint of it, so a lost key cannot be recovered, only removed and replaced.</source>
        <translation>请立即复制密钥：它只显示这一次。工作台只保存它的指纹，丢失的密钥无法找回，只能删除后重新创建。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Clients send it as the header &quot;Authorization: Bearer KEY&quot;; the OpenAI libraries take it as their api_key.</source>
        <translation>客户端在请求头中发送 &quot;Authorization: Bearer KEY&quot;；OpenAI 的客户端库把它作为 api_key。</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>创建密钥</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>llmos::AppCatalog</name>
    <message>
        <source>Chat playground</source>
        <translation>聊天试验场</translation>
    </message>
    <message>
        <source>Talk with a model: system prompt, sampling settings, streamed answers you can stop, regenerate or edit, with token counts and speed. Conversations are kept.</source>
        <translation>与模型对话：系统提示词、采样设置、可停止、重新生成或编辑的流式回答，并显示词元数与速度。对话会被保存。</translation>
    </message>
    <message>
        <source>Runs on generative models</source>
        <translation>适用于生成模型</translation>
    </message>
    <message>
        <source>Runs on classifier models</source>
        <translation>适用于分类模型</translation>
    </message>
    <message>
        <source>Arena</source>
        <translation>竞技场</translation>
    </message>
    <message>
        <source>One prompt to two to four models side by side (a base model against its fine-tune, say), with an optional blind vote kept as evaluation data.</source>
        <translation>把同一个提示发给二到四个模型并排比较（例如基础模型与其微调版本），可选盲评投票，投票作为评估数据保存。</translation>
    </message>
    <message>
        <source>Text classification</source>
        <translation>文本分类</translation>
    </message>
    <message>
        <source>Label a text (sentiment, topic...) with each label&apos;s probability and a decision threshold, or every row of a CSV file, with accuracy, F1 and a confusion matrix when it has labels.</source>
        <translation>为一段文本打标签（情感、主题……），显示每个标签的概率和判定阈值；或为 CSV 文件的每一行打标签，带标签时给出准确率、F1 和混淆矩阵。</translation>
    </message>
    <message>
        <source>Stream monitor</source>
        <translation>流监控</translation>
    </message>
    <message>
        <source>Watch a growing file of posts or messages, classify each new one, chart the labels over time and raise an alert when a label&apos;s share crosses a threshold.</source>
        <translation>监视不断增长的帖子或消息文件，为每条新内容分类，绘制各标签随时间的变化，并在某标签占比超过阈值时发出警报。</translation>
    </message>
    <message>
        <source>Semantic search</source>
        <translation>语义搜索</translation>
    </message>
    <message>
        <source>Search a folder of text files or a column of a table by meaning, with the passages that match and &quot;more like this&quot; from any result. The index is kept and updated as files change.</source>
        <translation>按含义搜索文本文件夹或表格的一列，显示匹配的段落，并可从任一结果查找“更多类似内容”。索引会保存，并随文件变化而更新。</translation>
    </message>
    <message>
        <source>Runs on embedding models (or a language model)</source>
        <translation>运行于嵌入模型（或语言模型）</translation>
    </message>
</context>
<context>
    <name>llmos::AppsPage</name>
    <message>
        <source>Apps</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Small applications on the models in your library. They run on this computer, through the same engine as the API server, and need no network.</source>
        <translation>基于模型库中模型的小应用。它们在本机运行，使用与 API 服务器相同的引擎，无需网络。</translation>
    </message>
    <message>
        <source>← All apps</source>
        <translation>← 全部应用</translation>
    </message>
    <message>
        <source>none registered yet: import one on the Models page</source>
        <translation>尚未注册：请在“模型”页面导入</translation>
    </message>
    <message numerus="yes">
        <source>%n registered</source>
        <translation>
            <numerusform>已注册 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>llmos::ArenaApp</name>
    <message>
        <source>No chat model is registered yet. Import one on the Models page (or make the demo models with &apos;llmos demo&apos;).</source>
        <translation>尚未注册聊天模型。请在“模型”页面导入一个（或用 &apos;llmos demo&apos; 生成演示模型）。</translation>
    </message>
    <message numerus="yes">
        <source>%1 %n win(s)</source>
        <translation>
            <numerusform>%1 胜 %n 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tie(s)</source>
        <translation>
            <numerusform>平局 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>No votes yet.</source>
        <translation>尚无投票。</translation>
    </message>
    <message>
        <source>Votes so far: %1</source>
        <translation>目前的投票：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) · %1 tokens/s</source>
        <translation>
            <numerusform>%n 个词元 · 每秒 %1 个词元</numerusform>
        </translation>
    </message>
    <message>
        <source>(no answer: %1)</source>
        <translation>（没有回答：%1）</translation>
    </message>
    <message>
        <source>Model %1</source>
        <translation>模型 %1</translation>
    </message>
    <message>
        <source>%1 is better</source>
        <translation>%1 更好</translation>
    </message>
    <message>
        <source>This</source>
        <translation>这个</translation>
    </message>
    <message>
        <source>Tell me something wise about work.</source>
        <translation>说一句关于工作的至理名言。</translation>
    </message>
    <message>
        <source>The vote could not be saved: %1</source>
        <translation>无法保存投票：%1</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Add a model</source>
        <translation>添加模型</translation>
    </message>
    <message>
        <source>Remove one</source>
        <translation>移除一个</translation>
    </message>
    <message>
        <source>Blind (hide the names until you vote)</source>
        <translation>盲评（投票前隐藏模型名称）</translation>
    </message>
    <message>
        <source>One prompt, sent to every model above</source>
        <translation>一个提示，发送给上面的每个模型</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大词元数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Send to all</source>
        <translation>全部发送</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>平局</translation>
    </message>
</context>
<context>
    <name>llmos::ArenaVotes</name>
    <message>
        <source>cannot create the folder of %1</source>
        <translation>无法创建 %1 所在的文件夹</translation>
    </message>
</context>
<context>
    <name>llmos::ChartToolBar</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Metrics: %1</source>
        <translation>指标：%1</translation>
    </message>
    <message>
        <source>The run has reported no metrics yet</source>
        <translation>该运行尚未报告任何指标</translation>
    </message>
    <message>
        <source>Metrics on the chart: %1</source>
        <translation>图表上的指标：%1</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>X axis</source>
        <translation>X 轴</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Tokens seen</source>
        <translation>已见词元数</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <source>What the x axis counts. Wall time leaves out the time a run was paused.</source>
        <translation>X 轴的计量方式。运行时间不含运行暂停的时间。</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>Exponential moving average, debiased as in TensorBoard; the raw curve stays faint behind the smoothed one. 0 shows the raw values.</source>
        <translation>指数移动平均，按 TensorBoard 的方式去偏；原始曲线以淡色显示在平滑曲线之后。0 表示显示原始值。</translation>
    </message>
    <message>
        <source>Log x</source>
        <translation>对数 x</translation>
    </message>
    <message>
        <source>Logarithmic x axis; points at or below zero are left out</source>
        <translation>对数 x 轴；小于或等于零的点不显示</translation>
    </message>
    <message>
        <source>Log y</source>
        <translation>对数 y</translation>
    </message>
    <message>
        <source>Logarithmic y axis; values at or below zero are left out</source>
        <translation>对数 y 轴；小于或等于零的值不显示</translation>
    </message>
    <message>
        <source>Markers</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Symbols along the bottom of the chart for checkpoints, evaluations, pauses and resumes; hover over one to read it</source>
        <translation>图表底部的符号表示检查点、评估、暂停和恢复；将鼠标悬停在符号上可查看详情</translation>
    </message>
    <message>
        <source>Checkpoints (flag)</source>
        <translation>检查点（旗帜）</translation>
    </message>
    <message>
        <source>Evaluations (triangle)</source>
        <translation>评估（三角形）</translation>
    </message>
    <message>
        <source>Pauses and resumes (bars, arrow)</source>
        <translation>暂停和恢复（竖条、箭头）</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <source>Show every point again (or double-click the chart)</source>
        <translation>重新显示所有点（或双击图表）</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>PNG image…</source>
        <translation>PNG 图片…</translation>
    </message>
    <message>
        <source>SVG image…</source>
        <translation>SVG 图片…</translation>
    </message>
    <message>
        <source>CSV data, full resolution…</source>
        <translation>CSV 数据（完整精度）…</translation>
    </message>
</context>
<context>
    <name>llmos::ChatPlayground</name>
    <message>
        <source>No answer: %1</source>
        <translation>没有回答：%1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>That conversation could not be read; it may have been removed.</source>
        <translation>无法读取该对话，它可能已被删除。</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <source>%1 prompt tokens · %2 generated · %3 tokens/s · first token after %4 s</source>
        <translation>提示 %1 个词元 · 生成 %2 个 · 每秒 %3 个词元 · 首个词元用时 %4 秒</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>cut at the token limit</source>
        <translation>达到词元上限而截断</translation>
    </message>
    <message>
        <source>Tell me something wise about work.</source>
        <translation>说一句关于工作的至理名言。</translation>
    </message>
    <message>
        <source>The conversation could not be saved: %1</source>
        <translation>无法保存对话：%1</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>Pick a model on the right, write a message below and press Send.</source>
        <translation>在右侧选择模型，在下方输入消息，然后点击“发送”。</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Your message (Ctrl+Enter sends)</source>
        <translation>你的消息（Ctrl+Enter 发送）</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Ask again for the last answer</source>
        <translation>重新生成上一个回答</translation>
    </message>
    <message>
        <source>Edit last</source>
        <translation>编辑上一条</translation>
    </message>
    <message>
        <source>Take the last question back into the box to change it and send it again</source>
        <translation>把上一个问题放回输入框，修改后再次发送</translation>
    </message>
</context>
<context>
    <name>llmos::ChatSettingsPanel</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大词元数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Stop at</source>
        <translation>停止于</translation>
    </message>
    <message>
        <source>No chat model is registered yet. Import one on the Models page (or make the demo models with &apos;llmos demo&apos;).</source>
        <translation>尚未注册聊天模型。请在“模型”页面导入一个（或用 &apos;llmos demo&apos; 生成演示模型）。</translation>
    </message>
    <message>
        <source>How the assistant should behave (optional)</source>
        <translation>助手应如何表现（可选）</translation>
    </message>
    <message>
        <source>0 always picks the most likely token; higher values give more varied answers.</source>
        <translation>0 总是选择最可能的词元；数值越高，回答越多样。</translation>
    </message>
    <message>
        <source>Sample only from the most likely tokens whose probabilities add up to this.</source>
        <translation>只从概率累计达到此值的最可能词元中采样。</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Sample only from this many most likely tokens.</source>
        <translation>只从这么多个最可能的词元中采样。</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>The same seed, settings and conversation give the same answer.</source>
        <translation>相同的种子、设置和对话会得到相同的回答。</translation>
    </message>
    <message>
        <source>One per line: the answer ends before any of these</source>
        <translation>每行一个：回答在遇到其中任何一个之前结束</translation>
    </message>
</context>
<context>
    <name>llmos::ClassifiedRowsModel</name>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
</context>
<context>
    <name>llmos::ClassifierApp</name>
    <message>
        <source>No classifier is registered yet. Import one on the Models page (or make the demo models with &apos;llmos demo&apos;).</source>
        <translation>尚未注册分类模型。请在“模型”页面导入一个（或用 &apos;llmos demo&apos; 生成演示模型）。</translation>
    </message>
    <message>
        <source>The file was not classified: %1</source>
        <translation>文件未完成分类：%1</translation>
    </message>
    <message>
        <source>The text was not classified: %1</source>
        <translation>文本未完成分类：%1</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read</source>
        <translation>
            <numerusform>已读取 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable row(s) left out</source>
        <translation>
            <numerusform>%n 行无法读取，已略过</numerusform>
        </translation>
    </message>
    <message>
        <source>only the first %1 rows are used</source>
        <translation>只使用前 %1 行</translation>
    </message>
    <message>
        <source>The results were exported.</source>
        <translation>结果已导出。</translation>
    </message>
    <message>
        <source>The results were not exported: %1</source>
        <translation>结果未导出：%1</translation>
    </message>
    <message>
        <source>A file of texts</source>
        <translation>文本文件</translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.jsonl *.json)</source>
        <translation>表格 (*.csv *.tsv *.jsonl *.json)</translation>
    </message>
    <message>
        <source>Export the results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1（%2%）</translation>
    </message>
    <message>
        <source>Not sure: the most likely label, %1, has %2%, below the threshold</source>
        <translation>不确定：最可能的标签 %1 的概率为 %2%，低于阈值</translation>
    </message>
    <message numerus="yes">
        <source>%n text(s) classified</source>
        <translation>
            <numerusform>已分类 %n 条文本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accuracy %1% · macro-F1 %2 over %n labelled text(s)</source>
        <translation>
            <numerusform>准确率 %1% · 宏平均 F1 %2，基于 %n 条带标签文本</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with a label the model does not have left out</source>
        <translation>
            <numerusform>%n 行的标签不在模型中，已略过</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows: the actual label; columns: the predicted one</source>
        <translation>行：实际标签；列：预测标签</translation>
    </message>
    <message>
        <source>Classifier:</source>
        <translation>分类模型：</translation>
    </message>
    <message>
        <source>Decide above:</source>
        <translation>判定阈值：</translation>
    </message>
    <message>
        <source>Below this probability the answer is &quot;not sure&quot;</source>
        <translation>低于此概率时，结果为“不确定”</translation>
    </message>
    <message>
        <source>One text</source>
        <translation>单条文本</translation>
    </message>
    <message>
        <source>A text to classify</source>
        <translation>要分类的文本</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>A CSV, TSV or JSON Lines file</source>
        <translation>CSV、TSV 或 JSON Lines 文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Text column:</source>
        <translation>文本列：</translation>
    </message>
    <message>
        <source>Label column:</source>
        <translation>标签列：</translation>
    </message>
    <message>
        <source>Classify all</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Mask e-mail addresses, phone, card and ID numbers in the export</source>
        <translation>导出时遮蔽电子邮件地址、电话、银行卡号和证件号</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>导出为 CSV…</translation>
    </message>
</context>
<context>
    <name>llmos::CloseGuard</name>
    <message>
        <source>Runs are still going</source>
        <translation>仍有运行在进行</translation>
    </message>
    <message>
        <source>Fine-tuning runs are still going. What should happen to them?</source>
        <translation>仍有微调运行在进行。要如何处理它们？</translation>
    </message>
    <message>
        <source>Paused runs save a checkpoint and can be resumed later from the Jobs page.</source>
        <translation>暂停的运行会保存检查点，之后可在“任务”页面继续。</translation>
    </message>
    <message>
        <source>Keep running in the background</source>
        <translation>在后台继续运行</translation>
    </message>
    <message>
        <source>Pause them and quit</source>
        <translation>暂停它们并退出</translation>
    </message>
    <message>
        <source>Don&apos;t close</source>
        <translation>不关闭</translation>
    </message>
    <message>
        <source>Pausing runs: saving checkpoints…</source>
        <translation>正在暂停运行：保存检查点…</translation>
    </message>
    <message>
        <source>Show the workbench</source>
        <translation>显示工作台</translation>
    </message>
    <message>
        <source>Pause runs and quit</source>
        <translation>暂停运行并退出</translation>
    </message>
    <message>
        <source>LLM OS Workbench: no runs going</source>
        <translation>LLM OS Workbench：没有运行</translation>
    </message>
    <message numerus="yes">
        <source>LLM OS Workbench: %n run(s) going</source>
        <translation>
            <numerusform>LLM OS Workbench：%n 个运行进行中</numerusform>
        </translation>
    </message>
    <message>
        <source>LLM OS Workbench: runs are going</source>
        <translation>LLM OS Workbench：有运行在进行</translation>
    </message>
</context>
<context>
    <name>llmos::CompareReportsDialog</name>
    <message>
        <source>Compare evaluations on %1</source>
        <translation>比较在 %1 上的评估</translation>
    </message>
    <message>
        <source>Reading the kept reports…</source>
        <translation>正在读取保存的报告…</translation>
    </message>
    <message>
        <source>The reports could not be read: %1</source>
        <translation>无法读取报告：%1</translation>
    </message>
    <message>
        <source>No other model has a %1 report on this data (%2) yet. Evaluate another model on the same file to compare them here.</source>
        <translation>还没有其他模型在此数据（%2）上有 %1 报告。在同一文件上评估另一个模型后即可在此比较。</translation>
    </message>
    <message numerus="yes">
        <source>%n %1 report(s) on the same data (%2). Bold: the best of each row.</source>
        <translation>
            <numerusform>同一数据（%2）上的 %n 份 %1 报告。粗体：每行的最佳值。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>llmos::ConversationStore</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
</context>
<context>
    <name>llmos::DatasetReportText</name>
    <message>
        <source>This file cannot be used as it is: %1</source>
        <translation>此文件无法直接使用：%1</translation>
    </message>
    <message>
        <source>It reads as %1.</source>
        <translation>识别为%1。</translation>
    </message>
    <message>
        <source>%1 of %2 rows can be used: %3 to learn from and %4 kept aside to check the model on.</source>
        <translation>%2 行中有 %1 行可用：%3 条用于学习，%4 条留作检验模型。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) have a problem and are left out:</source>
        <translation>
            <numerusform>%Ln 行有问题，已被略去：</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) repeat an earlier one word for word (kept; worth a look).</source>
        <translation>
            <numerusform>%Ln 行与前面某行一字不差（已保留，值得一看）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln example(s) are longer than the length limit and will be cut at the end.</source>
        <translation>
            <numerusform>%Ln 个样本超过长度上限，末尾将被截断。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln example(s) have the whole answer past the length limit and are left out.</source>
        <translation>
            <numerusform>%Ln 个样本的整个回答都超出长度上限，已被略去。</numerusform>
        </translation>
    </message>
    <message>
        <source>Labels: %1.</source>
        <translation>标签：%1。</translation>
    </message>
    <message>
        <source>plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>instructions with answers</source>
        <translation>指令及回答</translation>
    </message>
    <message>
        <source>chat conversations</source>
        <translation>聊天对话</translation>
    </message>
    <message>
        <source>texts with labels</source>
        <translation>带标签的文本</translation>
    </message>
    <message>
        <source>not recognised</source>
        <translation>无法识别</translation>
    </message>
</context>
<context>
    <name>llmos::DatasetStep</name>
    <message>
        <source>Choose training data</source>
        <translation>选择训练数据</translation>
    </message>
    <message>
        <source>Training data (*.csv *.tsv *.jsonl *.ndjson *.json *.txt);;All files (*)</source>
        <translation>训练数据 (*.csv *.tsv *.jsonl *.ndjson *.json *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>Choose the examples to learn from: a CSV or TSV table, JSON Lines, a JSON list, or plain text. The first rows are shown below, and the whole file is checked before anything runs.</source>
        <translation>选择用来学习的样本：CSV 或 TSV 表格、JSON Lines、JSON 列表或纯文本。下方显示前几行，开始运行前会检查整个文件。</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Used before…</source>
        <translation>以前用过的…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Data files that earlier fine-tunes trained on.</source>
        <translation>以前的微调训练过的数据文件。</translation>
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
    <name>llmos::DesignerFile</name>
    <message>
        <source>Could not open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large for a recipe or sweep file (over %2 MiB).</source>
        <translation>%1 太大，不像是配方或扫描文件（超过 %2 MiB）。</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>已打开 %1。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>llmos::EvaluateDialog</name>
    <message>
        <source>Evaluate %1</source>
        <translation>评估 %1</translation>
    </message>
    <message>
        <source>A text, CSV, TSV or JSON Lines file</source>
        <translation>文本、CSV、TSV 或 JSON Lines 文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Perplexity (how well it predicts the text)</source>
        <translation>困惑度（预测文本的好坏）</translation>
    </message>
    <message>
        <source>Classification (accuracy, F1, confusion matrix)</source>
        <translation>分类（准确率、F1、混淆矩阵）</translation>
    </message>
    <message>
        <source>Generation (BLEU and ROUGE-L against reference answers)</source>
        <translation>生成（与参考答案比较的 BLEU 和 ROUGE-L）</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>衡量</translation>
    </message>
    <message>
        <source>Text column</source>
        <translation>文本列</translation>
    </message>
    <message>
        <source>Label column</source>
        <translation>标签列</translation>
    </message>
    <message>
        <source>every row</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>最多</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Data to evaluate on</source>
        <translation>用于评估的数据</translation>
    </message>
    <message>
        <source>Data (*.txt *.csv *.tsv *.jsonl *.json);;All files (*)</source>
        <translation>数据 (*.txt *.csv *.tsv *.jsonl *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Plain text: lower is better. Use text the model did not train on.</source>
        <translation>纯文本：越低越好。请使用模型未训练过的文本。</translation>
    </message>
    <message>
        <source>Instruction or chat rows whose last answer is the reference; answers are greedy.</source>
        <translation>指令或对话行，最后一个回答作为参考；生成采用贪心解码。</translation>
    </message>
    <message>
        <source>Rows with a text and a label the model knows (a classifier).</source>
        <translation>包含文本和模型已知标签的行（分类器）。</translation>
    </message>
</context>
<context>
    <name>llmos::ExperimentsPage</name>
    <message>
        <source>The search stopped with an error: %1</source>
        <translation>搜索因错误而停止：%1</translation>
    </message>
    <message>
        <source>Promote the best trial</source>
        <translation>登记最佳试验</translation>
    </message>
    <message>
        <source>Register the best trial&apos;s model under the name:</source>
        <translation>将最佳试验的模型登记为以下名称：</translation>
    </message>
    <message>
        <source>Could not read the searches: %1</source>
        <translation>无法读取搜索：%1</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>This search cannot be read: %1</source>
        <translation>无法读取此搜索：%1</translation>
    </message>
    <message>
        <source>%1 trials: %2 finished, %3 stopped early, %4 failed, %5 to go or running. Goal: %6 %7.</source>
        <translation>%1 次试验：%2 次完成，%3 次提前停止，%4 次失败，%5 次待运行或运行中。目标：%7 %6。</translation>
    </message>
    <message>
        <source>lowest</source>
        <translation>最低的</translation>
    </message>
    <message>
        <source>highest</source>
        <translation>最高的</translation>
    </message>
    <message>
        <source>Best: trial %1 with %2.</source>
        <translation>最佳：试验 %1，结果 %2。</translation>
    </message>
    <message>
        <source>What mattered most: %1.</source>
        <translation>影响最大的是：%1。</translation>
    </message>
    <message>
        <source>trial %1</source>
        <translation>试验 %1</translation>
    </message>
    <message>
        <source>Registering the best trial&apos;s model…</source>
        <translation>正在登记最佳试验的模型…</translation>
    </message>
    <message>
        <source>Could not promote the best trial: %1</source>
        <translation>无法登记最佳试验：%1</translation>
    </message>
    <message>
        <source>The best trial is registered as &quot;%1&quot;; it is on the Models page.</source>
        <translation>最佳试验已登记为“%1”，可在“模型”页面找到。</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Hyperparameter searches: many short runs of one recipe with different settings, compared. Pick a search to see its trials, click trials to overlay their curves, and register the best one as a model.</source>
        <translation>超参数搜索：用不同设置多次短跑同一配方并加以比较。选择一个搜索查看其试验，点击试验叠加它们的曲线，并把最佳的一个登记为模型。</translation>
    </message>
    <message>
        <source>New search…</source>
        <translation>新建搜索…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Pause the search&apos;s trials; Resume continues it where it stopped.</source>
        <translation>暂停此搜索的试验；“继续”会从停下的地方接着运行。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Promote best…</source>
        <translation>登记最佳…</translation>
    </message>
    <message>
        <source>Register the best finished trial&apos;s model or adapter in the model registry.</source>
        <translation>把已完成试验中最佳者的模型或适配器登记到模型库。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>试验数</translation>
    </message>
    <message>
        <source>Best</source>
        <translation>最佳</translation>
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
    <name>llmos::FileTail</name>
    <message>
        <source>the folder is not there</source>
        <translation>该文件夹不存在</translation>
    </message>
</context>
<context>
    <name>llmos::FineTunePage</name>
    <message>
        <source>Starting the search…</source>
        <translation>正在开始搜索…</translation>
    </message>
    <message>
        <source>Starting: checking the model and the data…</source>
        <translation>正在开始：检查模型和数据…</translation>
    </message>
    <message>
        <source>Could not open the recipe of run %1: %2</source>
        <translation>无法打开运行 %1 的配方：%2</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>微调</translation>
    </message>
    <message>
        <source>Teach a model from your own examples. The guided path asks four questions and recommends the rest; the advanced view shows every setting; a search tries many settings and keeps the best.</source>
        <translation>用你自己的样本训练模型。向导只问四个问题，其余由它推荐；高级视图显示全部设置；搜索会尝试多种设置并保留最佳者。</translation>
    </message>
    <message>
        <source>Guided</source>
        <translation>向导</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Try many settings of the advanced view&apos;s recipe and keep the best.</source>
        <translation>用高级视图中的配方尝试多种设置，并保留最佳者。</translation>
    </message>
    <message>
        <source>Start fine-tuning</source>
        <translation>开始微调</translation>
    </message>
</context>
<context>
    <name>llmos::GuidedFineTune</name>
    <message>
        <source>about a minute</source>
        <translation>约一分钟</translation>
    </message>
    <message>
        <source>about %1 minutes</source>
        <translation>约 %1 分钟</translation>
    </message>
    <message>
        <source>about %1 hours</source>
        <translation>约 %1 小时</translation>
    </message>
    <message>
        <source>Working out what this run will take on this machine…</source>
        <translation>正在估算此运行在本机上需要的资源…</translation>
    </message>
    <message>
        <source>This run cannot be planned: %1</source>
        <translation>无法为此运行做计划：%1</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>How long</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>%1 passes over %2 examples: %3 steps of %4 examples, checked against the kept-aside examples every %5 steps. Estimated time on this machine: %6.</source>
        <translation>在 %2 个样本上学习 %1 遍：共 %3 步，每步 %4 个样本，每 %5 步用留出的样本检验一次。在本机上的预计用时：%6。</translation>
    </message>
    <message>
        <source>About %1 while training; %2 is free for it now.</source>
        <translation>训练时约需 %1；当前可用 %2。</translation>
    </message>
    <message>
        <source>To fit, it takes %1 examples at a time and adds up %2 of them before each update (the same learning, more slowly).</source>
        <translation>为了放得下，每次取 %1 个样本，并累积 %2 次后再更新一次（学习效果相同，只是更慢）。</translation>
    </message>
    <message>
        <source>This run needs about %1 but only %2 is free, even learning from one example at a time. Pick a smaller model, or close other programs and come back.</source>
        <translation>即使每次只学习一个样本，此运行也约需 %1，但只有 %2 可用。请选择更小的模型，或关闭其他程序后再回来。</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Review and start</source>
        <translation>检查并开始</translation>
    </message>
    <message>
        <source>Which model should learn?</source>
        <translation>哪个模型来学习？</translation>
    </message>
    <message>
        <source>What should it learn from?</source>
        <translation>它该从什么中学习？</translation>
    </message>
    <message>
        <source>What should it learn to do?</source>
        <translation>它该学会做什么？</translation>
    </message>
    <message>
        <source>Check the plan and start</source>
        <translation>检查计划并开始</translation>
    </message>
    <message>
        <source>Teach a style or knowledge</source>
        <translation>学习文风或知识</translation>
    </message>
    <message>
        <source>The model reads your texts and learns to write like them and to know what they say. Use plain text, or a table with a text column.</source>
        <translation>模型阅读你的文本，学习像它们那样写作并掌握其中的内容。请使用纯文本，或包含文本列的表格。</translation>
    </message>
    <message>
        <source>Follow instructions</source>
        <translation>遵循指令</translation>
    </message>
    <message>
        <source>The model learns to answer the way your examples answer: rows with an instruction and its answer, or whole chat conversations.</source>
        <translation>模型学习按你的样本那样回答：每行是一条指令及其回答，或完整的聊天对话。</translation>
    </message>
    <message>
        <source>Classify text</source>
        <translation>文本分类</translation>
    </message>
    <message>
        <source>The model learns to put a text into one of your labels (spam or not, topic, mood). Use a table with a text column and a label column.</source>
        <translation>模型学习把一段文本归入你的某个标签（是否垃圾信息、主题、情绪）。请使用包含文本列和标签列的表格。</translation>
    </message>
    <message>
        <source>The choice was suggested by what your data looks like.</source>
        <translation>此选项是根据你的数据的样子推荐的。</translation>
    </message>
    <message>
        <source>Name of the result:</source>
        <translation>结果名称：</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Open in the advanced view…</source>
        <translation>在高级视图中打开…</translation>
    </message>
    <message>
        <source>Every setting of this recipe, to change before starting.</source>
        <translation>此配方的全部设置，可在开始前修改。</translation>
    </message>
    <message>
        <source>Start fine-tuning</source>
        <translation>开始微调</translation>
    </message>
    <message>
        <source>Full fine-tuning: all %1 weights of the model are trained. The result is a new model; the original stays as it is.</source>
        <translation>全量微调：模型的全部 %1 个权重都参与训练。结果是一个新模型；原模型保持不变。</translation>
    </message>
    <message>
        <source>LoRA (rank %1): small add-on matrices are trained, %2 weights (%3 % of the model&apos;s), and the model itself stays frozen. The result is an adapter on top of %4.</source>
        <translation>LoRA（秩 %1）：只训练附加的小矩阵，共 %2 个权重（占模型的 %3%），模型本身保持冻结。结果是基于 %4 的一个适配器。</translation>
    </message>
</context>
<context>
    <name>llmos::JobCenter</name>
    <message>
        <source>Could not read the events of run %1: %2</source>
        <translation>无法读取运行 %1 的事件：%2</translation>
    </message>
    <message>
        <source>The run could not start: </source>
        <translation>运行无法开始：</translation>
    </message>
    <message>
        <source>Could not pause the run: </source>
        <translation>无法暂停运行：</translation>
    </message>
    <message>
        <source>Could not resume the run: </source>
        <translation>无法继续运行：</translation>
    </message>
    <message>
        <source>Could not cancel the run: </source>
        <translation>无法取消运行：</translation>
    </message>
    <message>
        <source>Could not retry the run: </source>
        <translation>无法重试运行：</translation>
    </message>
    <message>
        <source>The search could not start: </source>
        <translation>搜索无法开始：</translation>
    </message>
</context>
<context>
    <name>llmos::JobListModel</name>
    <message>
        <source>%1 of %2 steps</source>
        <translation>%1 / %2 步</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>约剩 %1</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
</context>
<context>
    <name>llmos::JobsPage</name>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop at the next step and save a checkpoint; Resume continues from it.</source>
        <translation>在下一步停下并保存检查点；“继续”会从这里接着运行。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Continue a paused or interrupted run from its last checkpoint.</source>
        <translation>从最近的检查点继续已暂停或被中断的运行。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the run for good. Its curves and log are kept.</source>
        <translation>彻底停止运行。曲线和日志会保留。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Run the same recipe again as a new run.</source>
        <translation>以新运行再次运行同一配方。</translation>
    </message>
    <message>
        <source>From the start</source>
        <translation>从头开始</translation>
    </message>
    <message>
        <source>From its last checkpoint</source>
        <translation>从最近的检查点</translation>
    </message>
    <message>
        <source>Duplicate and change…</source>
        <translation>复制并修改…</translation>
    </message>
    <message>
        <source>Open this run&apos;s recipe in the Fine-tune designer to change one thing and start it.</source>
        <translation>在微调设计器中打开此运行的配方，修改一处后再开始。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the runs folder again, to see runs started from a terminal.</source>
        <translation>重新读取运行文件夹，以显示从终端启动的运行。</translation>
    </message>
    <message>
        <source>No runs yet. Start one from the Fine-tune page; it appears here with its curves.</source>
        <translation>还没有运行。请在“微调”页面开始一个运行，它会连同曲线显示在这里。</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
</context>
<context>
    <name>llmos::LeaderboardModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
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
    <message>
        <source>&quot;%1&quot; is offered by the API server. Stop offering it on the Server page (Models tab) or stop the server, then delete it.</source>
        <translation>“%1”正由 API 服务器提供。请先在“服务器”页面（“模型”选项卡）停止提供它或停止服务器，然后再删除。</translation>
    </message>
</context>
<context>
    <name>llmos::MetricChartPanel</name>
    <message>
        <source>%1 (right axis)</source>
        <translation>%1（右轴）</translation>
    </message>
    <message>
        <source>Choose one or more runs to see their training curves.</source>
        <translation>选择一个或多个运行以查看其训练曲线。</translation>
    </message>
    <message>
        <source>Choose a metric to plot from the Metrics menu.</source>
        <translation>请从“指标”菜单中选择要绘制的指标。</translation>
    </message>
    <message>
        <source>No points yet: the chart fills in as the run reports its first steps.</source>
        <translation>尚无数据点：运行报告最初几步后，图表会随之填充。</translation>
    </message>
    <message>
        <source>These runs report no tokens seen: choose another x axis.</source>
        <translation>这些运行未报告已见词元数：请选择其他 X 轴。</translation>
    </message>
    <message>
        <source>No points in this part of the chart. Double-click it to see them all.</source>
        <translation>图表的这一部分没有数据点。双击图表可查看全部。</translation>
    </message>
    <message>
        <source>Nothing to draw on a log scale: every value here is zero or below. Turn off Log x or Log y.</source>
        <translation>对数刻度下无可绘制内容：这里的所有值都小于或等于零。请关闭“对数 x”或“对数 y”。</translation>
    </message>
    <message>
        <source>Tokens seen (thousands)</source>
        <translation>已见词元数（千）</translation>
    </message>
    <message>
        <source>Tokens seen (millions)</source>
        <translation>已见词元数（百万）</translation>
    </message>
    <message>
        <source>Tokens seen (billions)</source>
        <translation>已见词元数（十亿）</translation>
    </message>
    <message>
        <source>Wall time (seconds)</source>
        <translation>运行时间（秒）</translation>
    </message>
    <message>
        <source>Wall time (minutes)</source>
        <translation>运行时间（分钟）</translation>
    </message>
    <message>
        <source>Wall time (hours)</source>
        <translation>运行时间（小时）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Tokens seen</source>
        <translation>已见词元数</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Smoothed</source>
        <translation>平滑值</translation>
    </message>
    <message>
        <source>Checkpoint saved at step %1 · %2</source>
        <translation>第 %1 步保存了检查点 · %2</translation>
    </message>
    <message>
        <source>Evaluated at step %1 · %2</source>
        <translation>第 %1 步进行了评估 · %2</translation>
    </message>
    <message>
        <source>Interrupted after step %1 · %2</source>
        <translation>在第 %1 步后中断 · %2</translation>
    </message>
    <message>
        <source>Paused after step %1 · %2</source>
        <translation>在第 %1 步后暂停 · %2</translation>
    </message>
    <message>
        <source>Resumed after step %1 · %2</source>
        <translation>从第 %1 步之后恢复 · %2</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <source>Exported from LLM OS Workbench</source>
        <translation>由 LLM OS Workbench 导出</translation>
    </message>
    <message>
        <source>the file could not be written</source>
        <translation>无法写入该文件</translation>
    </message>
    <message>
        <source>the data could not be written</source>
        <translation>无法写入数据</translation>
    </message>
    <message>
        <source>Export the chart as a PNG image</source>
        <translation>将图表导出为 PNG 图片</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Export the chart as an SVG image</source>
        <translation>将图表导出为 SVG 图片</translation>
    </message>
    <message>
        <source>SVG images (*.svg)</source>
        <translation>SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <source>Export the chart&apos;s data as CSV</source>
        <translation>将图表数据导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write %1: %2. Choose another folder or free some space, then export again.</source>
        <translation>无法写入 %1：%2。请选择其他文件夹或释放一些空间，然后重新导出。</translation>
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
        <source>Fine-tune</source>
        <translation>微调</translation>
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
    <message>
        <source>Teach this model from your own examples on the Fine-tune page</source>
        <translation>在“微调”页面用你自己的样本训练此模型</translation>
    </message>
    <message>
        <source>Chat with this model in the chat playground (Apps page)</source>
        <translation>在聊天试验场（“应用”页面）中与此模型对话</translation>
    </message>
    <message>
        <source>Evaluate…</source>
        <translation>评估…</translation>
    </message>
    <message>
        <source>Measure the model on a dataset: perplexity, accuracy and F1, or BLEU and ROUGE-L</source>
        <translation>在数据集上衡量模型：困惑度、准确率和 F1，或 BLEU 和 ROUGE-L</translation>
    </message>
    <message>
        <source>Quantize…</source>
        <translation>量化…</translation>
    </message>
    <message>
        <source>Make a smaller, faster copy of the model with 8-bit or 4-bit weights</source>
        <translation>用 8 位或 4 位权重制作一个更小、更快的模型副本</translation>
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
    <message>
        <source>Evaluations</source>
        <translation>评估</translation>
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
    <name>llmos::ModelEvaluations</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>样例数</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>No evaluation yet. From a terminal: llmos eval --model &quot;%1&quot; --data FILE [--task perplexity|classification|generation]</source>
        <translation>尚无评估。在终端中运行：llmos eval --model &quot;%1&quot; --data FILE [--task perplexity|classification|generation]</translation>
    </message>
    <message>
        <source>Select a report and press Compare… to set it beside other models&apos; reports on the same data. Its id, for llmos eval compare, is in its tooltip.</source>
        <translation>选择一份报告并点击“比较…”，将其与其他模型在同一数据上的报告并排显示。其 ID（用于 llmos eval compare）在工具提示中。</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>比较…</translation>
    </message>
    <message>
        <source>The selected report and every registered model&apos;s report on the same data, side by side</source>
        <translation>将所选报告与所有已注册模型在同一数据上的报告并排显示</translation>
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
    <message>
        <source>Quantize %1</source>
        <translation>量化 %1</translation>
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
    <message>
        <source>Evaluating %1</source>
        <translation>正在评估 %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 on %2: %3 (kept on the Evaluations tab)</source>
        <translation>%1 在 %2 上：%3（已保存在“评估”选项卡）</translation>
    </message>
    <message>
        <source>Registered %1: %2 times smaller, decoding %3 times as fast, %4% of next-token choices as the original&apos;s</source>
        <translation>已注册 %1：缩小 %2 倍，解码速度 %3 倍，%4% 的下一词元选择与原模型相同</translation>
    </message>
    <message>
        <source>; perplexity %1 → %2</source>
        <translation>；困惑度 %1 → %2</translation>
    </message>
</context>
<context>
    <name>llmos::ModelPicker</name>
    <message>
        <source>No model to fine-tune yet. Import a Hugging Face model folder on the Models page (or make the demo models there), then come back.</source>
        <translation>还没有可微调的模型。请先在“模型”页面导入 Hugging Face 模型文件夹（或在那里生成演示模型），然后再回来。</translation>
    </message>
    <message>
        <source>Pick the model to start from. Smaller models train faster; the result is saved as a new model and the original stays as it is.</source>
        <translation>选择作为起点的模型。模型越小训练越快；结果会保存为新模型，原模型保持不变。</translation>
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
    <message>
        <source>Quantized</source>
        <translation>已量化</translation>
    </message>
    <message>
        <source>Quantizing and saving the weights…</source>
        <translation>正在量化并保存权重…</translation>
    </message>
    <message>
        <source>Measuring the original (speed, answers)…</source>
        <translation>正在测量原模型（速度、回答）…</translation>
    </message>
    <message>
        <source>Measuring the quantized model…</source>
        <translation>正在测量量化模型…</translation>
    </message>
    <message>
        <source>Registering the quantized model…</source>
        <translation>正在注册量化模型…</translation>
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
    <message>
        <source>prune</source>
        <translation>剪枝</translation>
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
    <name>llmos::ParallelCoordinates</name>
    <message>
        <source>Each trial becomes a line across its parameters and its result once trials have run.</source>
        <translation>试验运行后，每次试验都会成为一条穿过其参数和结果的折线。</translation>
    </message>
    <message>
        <source>best at the top of the last axis; dashed: stopped early</source>
        <translation>最后一根轴上越靠上越好；虚线：提前停止</translation>
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
    <name>llmos::QuantizeDialog</name>
    <message>
        <source>Quantize %1</source>
        <translation>量化 %1</translation>
    </message>
    <message>
        <source>Stores the model&apos;s weights in fewer bits: a smaller file that answers faster on this computer&apos;s processor. The original stays as it is; the new model is registered next to it, with what changed.</source>
        <translation>用更少的位存储模型的权重：文件更小，在本机处理器上回答更快。原模型保持不变；新模型注册在其旁边，并附上变化情况。</translation>
    </message>
    <message>
        <source>8-bit: about 4 times smaller, nearly the same answers</source>
        <translation>8 位：约缩小 4 倍，回答几乎相同</translation>
    </message>
    <message>
        <source>4-bit: about 7 times smaller, answers change more</source>
        <translation>4 位：约缩小 7 倍，回答变化较大</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>New model&apos;s name</source>
        <translation>新模型名称</translation>
    </message>
    <message>
        <source>Optional: text to compare perplexity on</source>
        <translation>可选：用于比较困惑度的文本</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Compare on</source>
        <translation>比较数据</translation>
    </message>
    <message>
        <source>Quantize</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Text to compare perplexity on</source>
        <translation>用于比较困惑度的文本</translation>
    </message>
    <message>
        <source>Data (*.txt *.csv *.tsv *.jsonl *.json);;All files (*)</source>
        <translation>数据 (*.txt *.csv *.tsv *.jsonl *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>One scale per output channel. Choose this unless the smallest size matters most.</source>
        <translation>每个输出通道一个缩放因子。除非最小体积最重要，否则请选择此项。</translation>
    </message>
    <message>
        <source>One scale per %1 weights. Check the answers in the playground before relying on it.</source>
        <translation>每 %1 个权重一个缩放因子。使用前请在演练场中检查回答。</translation>
    </message>
</context>
<context>
    <name>llmos::RecipeFieldEditor</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Required: a model folder, a GGUF file or a library name</source>
        <translation>必填：模型文件夹、GGUF 文件或模型库中的名称</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Enter a whole number, such as %1.</source>
        <translation>请输入整数，例如 %1。</translation>
    </message>
    <message>
        <source>Enter a number, such as 0.1 or 2e-4.</source>
        <translation>请输入数字，例如 0.1 或 2e-4。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number; separate the numbers with commas.</source>
        <translation>“%1”不是整数；数字之间请用逗号分隔。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number; separate the numbers with commas.</source>
        <translation>“%1”不是数字；数字之间请用逗号分隔。</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>选择文件夹…</translation>
    </message>
</context>
<context>
    <name>llmos::RecipeFields</name>
    <message>
        <source>Base model</source>
        <translation>基础模型</translation>
    </message>
    <message>
        <source>The model to start from: a Hugging Face model folder, a GGUF file, or the name or id of a model in your library. Training never changes it; the result is saved as a new model or adapter.</source>
        <translation>训练的起点模型：Hugging Face 模型文件夹、GGUF 文件，或模型库中某个模型的名称或 ID。训练不会改动它，结果会保存为新的模型或适配器。</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <source>Your examples: a .txt, .jsonl, .json, .csv or .tsv file, or a folder of .txt files. The layout and the kind of rows are detected unless you set them below.</source>
        <translation>你的样本：一个 .txt、.jsonl、.json、.csv 或 .tsv 文件，或一个包含 .txt 文件的文件夹。除非在下面指定，文件格式和行的类型会自动检测。</translation>
    </message>
    <message>
        <source>File layout</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <source>How the file is laid out. Automatic goes by the file&apos;s extension; set it when the extension is misleading, such as a .txt file that holds JSON lines.</source>
        <translation>文件的组织方式。自动会按扩展名判断；当扩展名有误导性时（例如 .txt 文件里其实是 JSON 行）请手动设置。</translation>
    </message>
    <message>
        <source>Automatic (from the extension)</source>
        <translation>自动（按扩展名）</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>JSON lines</source>
        <translation>JSON 行</translation>
    </message>
    <message>
        <source>JSON array</source>
        <translation>JSON 数组</translation>
    </message>
    <message>
        <source>Kind of rows</source>
        <translation>行的类型</translation>
    </message>
    <message>
        <source>What each row means: plain text to continue, instructions with answers (Alpaca), chat conversations (OpenAI messages or ShareGPT), or a text with its label (classification). Automatic looks at the first good row.</source>
        <translation>每一行的含义：要续写的纯文本、带答案的指令（Alpaca）、对话（OpenAI messages 或 ShareGPT），或带标签的文本（分类）。自动会查看第一条有效的行。</translation>
    </message>
    <message>
        <source>Automatic (from the first row)</source>
        <translation>自动（按第一行）</translation>
    </message>
    <message>
        <source>Instructions (Alpaca)</source>
        <translation>指令（Alpaca）</translation>
    </message>
    <message>
        <source>Chat (OpenAI messages)</source>
        <translation>对话（OpenAI messages）</translation>
    </message>
    <message>
        <source>Chat (ShareGPT)</source>
        <translation>对话（ShareGPT）</translation>
    </message>
    <message>
        <source>Texts with labels</source>
        <translation>带标签的文本</translation>
    </message>
    <message>
        <source>Text column</source>
        <translation>文本列</translation>
    </message>
    <message>
        <source>The column or JSON field that holds the text. Change it when your file calls it something else, such as &quot;sentence&quot;.</source>
        <translation>存放文本的列或 JSON 字段。如果你的文件用了别的名字（例如 &quot;sentence&quot;），请修改这里。</translation>
    </message>
    <message>
        <source>Label column</source>
        <translation>标签列</translation>
    </message>
    <message>
        <source>Classification only: the column or field that holds each example&apos;s label, such as &quot;topic&quot; or &quot;sentiment&quot;.</source>
        <translation>仅用于分类：存放每个样本标签的列或字段，例如 &quot;topic&quot; 或 &quot;sentiment&quot;。</translation>
    </message>
    <message>
        <source>Unreadable rows</source>
        <translation>无法读取的行</translation>
    </message>
    <message>
        <source>What to do with rows that cannot be read, such as a broken line or a missing field. Stopping lists them all, so no data is lost without you knowing; skipping leaves them out and counts them.</source>
        <translation>遇到无法读取的行（例如损坏的行或缺少字段）时怎么办。停止会把它们全部列出，确保不会在你不知情时丢失数据；跳过会略过它们并计数。</translation>
    </message>
    <message>
        <source>Stop and list them</source>
        <translation>停止并列出</translation>
    </message>
    <message>
        <source>Skip and count them</source>
        <translation>跳过并计数</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Generating text teaches the model to continue text or answer instructions; classifying teaches it to pick one label per text. Classifying needs data with a label column.</source>
        <translation>生成文本会教模型续写文本或回答指令；分类会教模型为每段文本选一个标签。分类需要带标签列的数据。</translation>
    </message>
    <message>
        <source>Generate text (causal language model)</source>
        <translation>生成文本（因果语言模型）</translation>
    </message>
    <message>
        <source>Classify texts</source>
        <translation>文本分类</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>How much of the model is trained. Full fine-tuning changes every weight: the most memory, often the best result. LoRA trains small add-on matrices: far less memory, usually nearly as good, and the result is a small adapter. The others are lighter variants. When unsure, pick LoRA.</source>
        <translation>训练模型的哪些部分。全量微调会改动所有权重：最占内存，效果往往最好。LoRA 只训练附加的小矩阵：内存少得多，效果通常相差无几，结果是一个小巧的适配器。其他方法是更轻量的变体。拿不准时，选 LoRA。</translation>
    </message>
    <message>
        <source>Full fine-tuning</source>
        <translation>全量微调</translation>
    </message>
    <message>
        <source>Full, with some layers frozen</source>
        <translation>全量微调，冻结部分层</translation>
    </message>
    <message>
        <source>BitFit (biases only)</source>
        <translation>BitFit（只训练偏置）</translation>
    </message>
    <message>
        <source>Bottleneck adapters</source>
        <translation>瓶颈适配器</translation>
    </message>
    <message>
        <source>Prefix tuning</source>
        <translation>前缀微调</translation>
    </message>
    <message>
        <source>Prompt tuning</source>
        <translation>提示微调</translation>
    </message>
    <message>
        <source>Frozen layers</source>
        <translation>冻结的层数</translation>
    </message>
    <message>
        <source>How many of the first layers keep their weights. Freezing the lower layers saves memory and protects what the model already knows; a common choice is half of the layers. Give this, the frozen parts, or both.</source>
        <translation>前多少层保持权重不变。冻结底层可以节省内存，并保护模型已有的知识；常见做法是冻结一半的层。请填写此项、冻结的部分，或两者都填。</translation>
    </message>
    <message>
        <source>Frozen parts</source>
        <translation>冻结的部分</translation>
    </message>
    <message>
        <source>Parts of the model that keep their weights, separated by commas: &quot;embeddings&quot;, &quot;lm_head&quot;, or any part of a weight&apos;s name, such as &quot;self_attn&quot;.</source>
        <translation>保持权重不变的模型部分，用逗号分隔：&quot;embeddings&quot;、&quot;lm_head&quot;，或权重名称中的任意一段，例如 &quot;self_attn&quot;。</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>秩</translation>
    </message>
    <message>
        <source>The size of LoRA&apos;s add-on matrices. Higher learns more but uses more memory and can overfit small data. Typical: 8 or 16; 4 for tiny datasets, 32 to 64 for hard tasks.</source>
        <translation>LoRA 附加矩阵的大小。越大学得越多，但更占内存，在小数据上容易过拟合。常用：8 或 16；很小的数据集用 4，困难任务用 32 到 64。</translation>
    </message>
    <message>
        <source>Starting rank</source>
        <translation>初始秩</translation>
    </message>
    <message>
        <source>AdaLoRA gives every layer this rank at first, then moves the budget to the layers that matter most. Typical: one and a half times the target rank.</source>
        <translation>AdaLoRA 开始时给每一层这个秩，然后把预算转给最重要的层。常用：目标秩的 1.5 倍。</translation>
    </message>
    <message>
        <source>Target rank</source>
        <translation>目标秩</translation>
    </message>
    <message>
        <source>The average rank per layer that AdaLoRA ends with; not above the starting rank. Typical: 8.</source>
        <translation>AdaLoRA 最终每层的平均秩，不能高于初始秩。常用：8。</translation>
    </message>
    <message>
        <source>Alpha (strength)</source>
        <translation>Alpha（强度）</translation>
    </message>
    <message>
        <source>How strongly the adapter&apos;s update is applied: it is scaled by alpha divided by the rank. A common choice is twice the rank.</source>
        <translation>适配器更新的作用强度：更新会乘以 alpha 除以秩。常见做法是取秩的两倍。</translation>
    </message>
    <message>
        <source>the rank for LoRA, 8 for AdaLoRA</source>
        <translation>LoRA 为秩的值，AdaLoRA 为 8</translation>
    </message>
    <message>
        <source>Adapter dropout</source>
        <translation>适配器 dropout</translation>
    </message>
    <message>
        <source>Randomly leaves out part of the adapter&apos;s input while training, against overfitting. 0.05 to 0.1 helps on small datasets; 0 on large ones.</source>
        <translation>训练时随机丢弃适配器的部分输入，用于防止过拟合。小数据集上 0.05 到 0.1 有帮助；大数据集用 0。</translation>
    </message>
    <message>
        <source>the usual attention layers</source>
        <translation>常用的注意力层</translation>
    </message>
    <message>
        <source>Rank-stabilised scaling</source>
        <translation>秩稳定缩放</translation>
    </message>
    <message>
        <source>Scales the update by alpha divided by the square root of the rank (rsLoRA), which keeps high ranks learning well. Turn it on with a rank of 32 or more.</source>
        <translation>用 alpha 除以秩的平方根来缩放更新（rsLoRA），让高秩也能学好。秩为 32 或以上时建议打开。</translation>
    </message>
    <message>
        <source>Steps before reallocating</source>
        <translation>开始重新分配前的步数</translation>
    </message>
    <message>
        <source>Steps of plain training before AdaLoRA starts moving rank between layers. Typical: 5 to 10% of all steps.</source>
        <translation>AdaLoRA 开始在层之间调整秩之前先普通训练的步数。常用：总步数的 5% 到 10%。</translation>
    </message>
    <message>
        <source>Final steps at a fixed rank</source>
        <translation>最后固定秩的步数</translation>
    </message>
    <message>
        <source>The last steps, during which the rank budget no longer changes. Typical: 10 to 20% of all steps.</source>
        <translation>最后这些步中秩预算不再变化。常用：总步数的 10% 到 20%。</translation>
    </message>
    <message>
        <source>Steps between reallocations</source>
        <translation>重新分配的间隔步数</translation>
    </message>
    <message>
        <source>How often AdaLoRA decides again which layers get rank. Typical: 1 to 10.</source>
        <translation>AdaLoRA 每隔多少步重新决定各层分到多少秩。常用：1 到 10。</translation>
    </message>
    <message>
        <source>Importance smoothing</source>
        <translation>重要性平滑</translation>
    </message>
    <message>
        <source>How slowly AdaLoRA&apos;s estimate of each weight&apos;s importance changes (a moving average). The default rarely needs changing.</source>
        <translation>AdaLoRA 对每个权重重要性的估计变化得有多慢（滑动平均）。默认值很少需要修改。</translation>
    </message>
    <message>
        <source>Uncertainty smoothing</source>
        <translation>不确定性平滑</translation>
    </message>
    <message>
        <source>The same smoothing for how uncertain that estimate is. The default rarely needs changing.</source>
        <translation>对该估计的不确定性做同样的平滑。默认值很少需要修改。</translation>
    </message>
    <message>
        <source>Orthogonality weight</source>
        <translation>正交性权重</translation>
    </message>
    <message>
        <source>Keeps AdaLoRA&apos;s matrices close to orthogonal, which makes taking rank away safe. The default rarely needs changing.</source>
        <translation>让 AdaLoRA 的矩阵保持接近正交，使削减秩更安全。默认值很少需要修改。</translation>
    </message>
    <message>
        <source>Bottleneck size</source>
        <translation>瓶颈宽度</translation>
    </message>
    <message>
        <source>The width of each adapter&apos;s bottleneck. Larger learns more and uses more memory. Typical: 16 to 128.</source>
        <translation>每个适配器瓶颈层的宽度。越大学得越多，也越占内存。常用：16 到 128。</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>The non-linearity inside each adapter. ReLU is the classic choice; GELU or SiLU match most modern models.</source>
        <translation>每个适配器内部的非线性函数。ReLU 是经典选择；GELU 或 SiLU 与大多数现代模型一致。</translation>
    </message>
    <message>
        <source>Virtual tokens</source>
        <translation>虚拟词元</translation>
    </message>
    <message>
        <source>How many trained tokens are put before every input. More can learn more but leave less room for your text. Typical: 10 to 30 for prompt tuning, 10 to 50 for prefix tuning.</source>
        <translation>在每个输入前放置多少个可训练的词元。越多能学得越多，但留给你的文本的空间越少。常用：提示微调 10 到 30，前缀微调 10 到 50。</translation>
    </message>
    <message>
        <source>Train through a small network</source>
        <translation>通过小网络训练</translation>
    </message>
    <message>
        <source>Trains the prefix through a small network, as the original paper does: often steadier, at the cost of more memory while training.</source>
        <translation>像原论文那样通过一个小网络来训练前缀：通常更稳定，代价是训练时更占内存。</translation>
    </message>
    <message>
        <source>Network width</source>
        <translation>网络宽度</translation>
    </message>
    <message>
        <source>The hidden width of that small network; used only when it is on. Typical: 512.</source>
        <translation>该小网络的隐藏层宽度，仅在开启时使用。常用：512。</translation>
    </message>
    <message>
        <source>Starting point</source>
        <translation>起始方式</translation>
    </message>
    <message>
        <source>How the virtual tokens start: random, or as the words of a text that describes the task, which often trains faster.</source>
        <translation>虚拟词元如何初始化：随机，或者用一段描述任务的文本中的词，这样往往训练得更快。</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>From a text</source>
        <translation>来自一段文本</translation>
    </message>
    <message>
        <source>Starting text</source>
        <translation>起始文本</translation>
    </message>
    <message>
        <source>The text the virtual tokens start from when they start from a text, such as &quot;Classify the topic of this question:&quot;.</source>
        <translation>选择“来自一段文本”时虚拟词元的起始文本，例如 &quot;Classify the topic of this question:&quot;。</translation>
    </message>
    <message>
        <source>Starting token ids</source>
        <translation>起始词元 ID</translation>
    </message>
    <message>
        <source>Instead of a text, the token ids to start from, separated by commas. Rarely needed: the starting text is turned into tokens for you.</source>
        <translation>不用文本，而是直接给出起始的词元 ID，用逗号分隔。很少需要：起始文本会自动转换为词元。</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>The rule that turns what the model got wrong into weight changes. AdamW is the safe choice for fine-tuning language models; SGD needs a higher learning rate and usually momentum.</source>
        <translation>把模型的错误转换为权重更新的规则。微调语言模型时 AdamW 是稳妥的选择；SGD 需要更高的学习率，通常还要配合动量。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>How big a step the model takes per update. Too high and the loss jumps or becomes NaN; too low and it learns slowly. LoRA: 1e-4 to 3e-4; full fine-tuning: 1e-5 to 5e-5.</source>
        <translation>每次更新时模型迈出的步子有多大。太高会让损失剧烈跳动甚至变成 NaN；太低则学得很慢。LoRA：1e-4 到 3e-4；全量微调：1e-5 到 5e-5。</translation>
    </message>
    <message>
        <source>2e-4 for LoRA, AdaLoRA, adapters and prefixes; 3e-3 for prompts; 5e-5 otherwise</source>
        <translation>LoRA、AdaLoRA、适配器和前缀为 2e-4；提示微调为 3e-3；其他为 5e-5</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Pulls the weights gently towards zero at every step, against overfitting. Typical: 0.01 with AdamW; 0 is fine for LoRA.</source>
        <translation>每一步都把权重轻轻拉向零，用于防止过拟合。常用：AdamW 用 0.01；LoRA 用 0 即可。</translation>
    </message>
    <message>
        <source>Adam betas</source>
        <translation>Adam beta 参数</translation>
    </message>
    <message>
        <source>Adam and AdamW only: how much the optimizer averages past updates (first number) and their sizes (second), both below 1. 0.9, 0.999 suits most runs; 0.9, 0.95 can steady a large model.</source>
        <translation>仅用于 Adam 和 AdamW：优化器对过去更新（第一个数）及其大小（第二个数）做平均的程度，两者都小于 1。0.9, 0.999 适合大多数训练；0.9, 0.95 可以让大模型更稳定。</translation>
    </message>
    <message>
        <source>Epsilon</source>
        <translation>Epsilon</translation>
    </message>
    <message>
        <source>A tiny number that keeps Adam, AdamW, Adagrad and RMSprop from dividing by zero. Leave it unless the loss becomes NaN in bf16; then try 1e-6.</source>
        <translation>一个很小的数，防止 Adam、AdamW、Adagrad 和 RMSprop 除以零。一般保持不变；如果在 bf16 下损失变成 NaN，可试试 1e-6。</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>SGD and RMSprop only: keeps part of the previous update, which smooths and speeds up training. Typical with SGD: 0.9.</source>
        <translation>仅用于 SGD 和 RMSprop：保留上一次更新的一部分，使训练更平稳、更快。SGD 常用 0.9。</translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation>Nesterov 动量</translation>
    </message>
    <message>
        <source>SGD with momentum only: a look-ahead form of momentum that often gets there a little faster.</source>
        <translation>仅用于带动量的 SGD：一种“向前看”的动量，通常收敛得更快一些。</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>Scales down updates that would be larger than this, so one odd batch cannot wreck the model. 1.0 is the usual value; 0 turns clipping off.</source>
        <translation>把超过此值的更新按比例缩小，防止某个异常批次毁掉模型。通常为 1.0；0 表示关闭裁剪。</translation>
    </message>
    <message>
        <source>Learning rate schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>How the learning rate changes after the warm-up: it stays flat, falls in a straight line to zero, or falls along a cosine curve. Falling schedules usually end with a better model.</source>
        <translation>预热之后学习率如何变化：保持不变、线性降到零，或沿余弦曲线下降。逐渐下降的调度通常能得到更好的模型。</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <source>Linear decay</source>
        <translation>线性衰减</translation>
    </message>
    <message>
        <source>Cosine decay</source>
        <translation>余弦衰减</translation>
    </message>
    <message>
        <source>Warm-up steps</source>
        <translation>预热步数</translation>
    </message>
    <message>
        <source>Steps at the start during which the learning rate rises from zero, which avoids early jumps in the loss. Give steps or a share, not both. Typical: 3 to 10% of all steps.</source>
        <translation>开始阶段学习率从零逐渐升高的步数，可避免损失在早期剧烈跳动。填写步数或比例，不要同时填写。常用：总步数的 3% 到 10%。</translation>
    </message>
    <message>
        <source>Warm-up share</source>
        <translation>预热比例</translation>
    </message>
    <message>
        <source>The warm-up as a share of all steps, such as 0.06 for 6%. Give this or warm-up steps, not both.</source>
        <translation>预热占总步数的比例，例如 0.06 表示 6%。填写此项或预热步数，不要同时填写。</translation>
    </message>
    <message>
        <source>Maximum length (tokens)</source>
        <translation>最大长度（词元）</translation>
    </message>
    <message>
        <source>Longer examples are cut to this many tokens. Longer needs much more memory: pick the length of a typical example, such as 128 for short texts and 512 to 2048 for documents or chats.</source>
        <translation>更长的样本会被截断到这么多词元。越长越占内存：请按典型样本的长度选择，例如短文本用 128，文档或对话用 512 到 2048。</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>How many times training goes over all your examples. Typical: 1 to 3 for large datasets, 3 to 10 for small ones; watch the validation loss for overfitting.</source>
        <translation>训练遍历全部样本的次数。常用：大数据集 1 到 3 轮，小数据集 3 到 10 轮；注意观察验证损失以发现过拟合。</translation>
    </message>
    <message>
        <source>Maximum steps</source>
        <translation>最大步数</translation>
    </message>
    <message>
        <source>When above 0, training stops after this many updates, whatever the epochs say: handy for quick tries and for sweeps. 0: the epochs decide.</source>
        <translation>大于 0 时，训练在这么多次更新后停止，不管轮数是多少：适合快速试验和超参数扫描。0：由轮数决定。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Examples processed together in one pass. Larger is faster per example but needs more memory; if memory runs out, halve it and double the gradient accumulation.</source>
        <translation>一次前向计算同时处理的样本数。越大每个样本越快，但更占内存；内存不足时，将它减半并把梯度累积翻倍。</translation>
    </message>
    <message>
        <source>Gradient accumulation</source>
        <translation>梯度累积</translation>
    </message>
    <message>
        <source>Batches added up before each update, so the effective batch is the batch size times this, without the memory of a larger batch. Typical: 1 to 8.</source>
        <translation>每次更新前累加的批数，有效批大小为批大小乘以此值，却不需要更大批次的内存。常用：1 到 8。</translation>
    </message>
    <message>
        <source>Training seed</source>
        <translation>训练随机种子</translation>
    </message>
    <message>
        <source>Seeds the starting values of new weights, the order of the examples and dropout. On the CPU the same recipe and seed give the same loss curve; change it to see how much results vary.</source>
        <translation>决定新权重的初始值、样本顺序和 dropout。在 CPU 上，相同的配方和种子会得到相同的损失曲线；修改它可以看出结果的波动有多大。</translation>
    </message>
    <message>
        <source>Validation share</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>The share of your examples held back to measure progress on data the model does not train on. Typical: 0.1; 0.2 for small datasets. Early stopping and sweeps need it above 0.</source>
        <translation>留出多少比例的样本，用模型没训练过的数据来衡量进展。常用：0.1；小数据集用 0.2。提前停止和超参数扫描需要它大于 0。</translation>
    </message>
    <message>
        <source>Split seed</source>
        <translation>划分随机种子</translation>
    </message>
    <message>
        <source>Decides which examples are held back for validation. Keep it to compare runs on the same split.</source>
        <translation>决定哪些样本被留作验证。保持不变，才能在同一划分上比较不同的训练。</translation>
    </message>
    <message>
        <source>Evaluate every (steps)</source>
        <translation>评估间隔（步）</translation>
    </message>
    <message>
        <source>Measures the validation loss every this many steps, so overfitting shows while it happens. 0: only at the end. Early stopping needs it above 0. Typical: 50 to 500.</source>
        <translation>每隔这么多步计算一次验证损失，过拟合一出现就能看到。0：只在结束时评估。提前停止需要它大于 0。常用：50 到 500。</translation>
    </message>
    <message>
        <source>Save a checkpoint every (steps)</source>
        <translation>检查点间隔（步）</translation>
    </message>
    <message>
        <source>Saves the training state every this many steps, so a crash or a pause loses little. 0: only when you pause or cancel.</source>
        <translation>每隔这么多步保存一次训练状态，崩溃或暂停时损失很少。0：只在暂停或取消时保存。</translation>
    </message>
    <message>
        <source>Checkpoints kept</source>
        <translation>保留的检查点数</translation>
    </message>
    <message>
        <source>How many of the newest checkpoints stay on disk; older ones are deleted to save space.</source>
        <translation>磁盘上保留多少个最新的检查点；更早的会被删除以节省空间。</translation>
    </message>
    <message>
        <source>Stop early</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <source>Stops the run when the validation result has not improved for a while, which saves time and avoids overfitting. Needs a validation share above 0 and evaluations during training.</source>
        <translation>验证结果一段时间没有改善时停止训练，既省时间又避免过拟合。需要验证集比例大于 0，并在训练中进行评估。</translation>
    </message>
    <message>
        <source>Watched result</source>
        <translation>关注的指标</translation>
    </message>
    <message>
        <source>The measure that must keep improving. Accuracy and macro F1 need a classification task; macro F1 is the better judge when some labels are rare.</source>
        <translation>需要持续改善的指标。准确率和宏 F1 需要分类任务；当某些标签很少见时，宏 F1 更能说明问题。</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Macro F1</source>
        <translation>宏 F1</translation>
    </message>
    <message>
        <source>Patience (evaluations)</source>
        <translation>耐心（评估次数）</translation>
    </message>
    <message>
        <source>How many evaluations in a row without improvement before the run stops. Typical: 3 to 5.</source>
        <translation>连续多少次评估没有改善后停止训练。常用：3 到 5。</translation>
    </message>
    <message>
        <source>Better is</source>
        <translation>更好的是</translation>
    </message>
    <message>
        <source>Whether lower or higher values are better. Automatic knows: losses go down, scores go up.</source>
        <translation>数值越低越好还是越高越好。自动会自行判断：损失越低越好，得分越高越好。</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Lower</source>
        <translation>更低</translation>
    </message>
    <message>
        <source>Higher</source>
        <translation>更高</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Randomly switches off parts of the model while training, against overfitting. Typical: 0.1 for small datasets, 0 (none) for large ones.</source>
        <translation>训练时随机关闭模型的一部分，用于防止过拟合。常用：小数据集 0.1，大数据集 0（不使用）。</translation>
    </message>
    <message>
        <source>Adversarial training (FGM)</source>
        <translation>对抗训练（FGM）</translation>
    </message>
    <message>
        <source>Trains every batch a second time with slightly disturbed word embeddings, which makes the model more robust. About doubles the time per step.</source>
        <translation>用略加扰动的词嵌入把每个批次再训练一遍，使模型更稳健。每步耗时约为原来的两倍。</translation>
    </message>
    <message>
        <source>Disturbance size</source>
        <translation>扰动大小</translation>
    </message>
    <message>
        <source>How far the embeddings are pushed. Typical: 0.5 to 1.</source>
        <translation>嵌入被推动的幅度。常用：0.5 到 1。</translation>
    </message>
    <message>
        <source>Text augmentation</source>
        <translation>文本增强</translation>
    </message>
    <message>
        <source>Adds altered copies of each training example (words deleted, swapped or replaced by synonyms), against overfitting on a small dataset. Plain text and classification data only.</source>
        <translation>为每个训练样本添加改动过的副本（删除、交换词语或替换为同义词），防止在小数据集上过拟合。仅适用于纯文本和分类数据。</translation>
    </message>
    <message>
        <source>Copies per example</source>
        <translation>每个样本的副本数</translation>
    </message>
    <message>
        <source>How many altered copies are added per training example. Typical: 1 to 4.</source>
        <translation>每个训练样本添加多少个改动过的副本。常用：1 到 4。</translation>
    </message>
    <message>
        <source>Word deletion</source>
        <translation>删词概率</translation>
    </message>
    <message>
        <source>The chance that each word of a copy is left out. Typical: 0.1.</source>
        <translation>副本中每个词被删去的概率。常用：0.1。</translation>
    </message>
    <message>
        <source>Word swaps</source>
        <translation>换词次数</translation>
    </message>
    <message>
        <source>How many pairs of words change places in each copy. Typical: 1 or 2.</source>
        <translation>每个副本中交换位置的词对数量。常用：1 或 2。</translation>
    </message>
    <message>
        <source>Synonym file</source>
        <translation>同义词文件</translation>
    </message>
    <message>
        <source>Optional: a text file of interchangeable words, one group per line separated by commas, such as &quot;big, large, huge&quot;.</source>
        <translation>可选：一个可互换词语的文本文件，每行一组，用逗号分隔，例如 &quot;big, large, huge&quot;。</translation>
    </message>
    <message>
        <source>Synonym rate</source>
        <translation>同义词替换率</translation>
    </message>
    <message>
        <source>The chance that a word with a synonym is replaced by one. Needs a synonym file. Typical: 0.1 to 0.2.</source>
        <translation>有同义词的词被替换的概率。需要同义词文件。常用：0.1 到 0.2。</translation>
    </message>
    <message>
        <source>Augmentation seed</source>
        <translation>增强随机种子</translation>
    </message>
    <message>
        <source>Seeds the random changes: the same seed gives the same copies.</source>
        <translation>决定随机改动：相同的种子会得到相同的副本。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Where the run computes. Automatic uses the first GPU when there is one, else the CPU. Pick a GPU by number on a machine with several.</source>
        <translation>在哪里进行计算。自动会在有 GPU 时使用第一块 GPU，否则使用 CPU。多 GPU 的机器上可按编号选择。</translation>
    </message>
    <message>
        <source>Automatic (a GPU when there is one)</source>
        <translation>自动（有 GPU 时用 GPU）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>GPU 0</source>
        <translation>GPU 0</translation>
    </message>
    <message>
        <source>GPU 1</source>
        <translation>GPU 1</translation>
    </message>
    <message>
        <source>GPU 2</source>
        <translation>GPU 2</translation>
    </message>
    <message>
        <source>GPU 3</source>
        <translation>GPU 3</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>The number format of the heavy sums. bf16 is faster and needs less memory on a modern GPU, with nearly the same results; fp32 is exact, and the only way to repeat a run bit for bit on a GPU.</source>
        <translation>主要计算所用的数值格式。在现代 GPU 上 bf16 更快、更省内存，结果几乎相同；fp32 是精确的，也是在 GPU 上逐位复现一次训练的唯一方式。</translation>
    </message>
    <message>
        <source>Automatic (bf16 on a GPU, fp32 on the CPU)</source>
        <translation>自动（GPU 上 bf16，CPU 上 fp32）</translation>
    </message>
    <message>
        <source>fp32 (exact)</source>
        <translation>fp32（精确）</translation>
    </message>
    <message>
        <source>bf16 (faster, less memory)</source>
        <translation>bf16（更快、更省内存）</translation>
    </message>
    <message>
        <source>Recompute to save memory</source>
        <translation>重算以节省内存</translation>
    </message>
    <message>
        <source>Activation checkpointing: keeps less in memory during training and recomputes it when needed, for about a third more compute. Turn it on when a long maximum length does not fit in memory.</source>
        <translation>激活检查点：训练时在内存中保留更少的中间结果，需要时再重新计算，计算量约增加三分之一。当较长的最大长度放不进内存时请打开。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The name of the trained model or adapter in your library. Empty: the run picks one.</source>
        <translation>训练得到的模型或适配器在模型库中的名称。留空：由训练自动命名。</translation>
    </message>
    <message>
        <source>Merge the adapter into the model</source>
        <translation>将适配器合并进模型</translation>
    </message>
    <message>
        <source>Adapter methods only: folds the trained adapter into the base model and saves a whole model, which is easier to share and serve but much larger.</source>
        <translation>仅用于适配器类方法：把训练好的适配器并入基础模型，保存为完整模型，更便于分享和部署，但体积大得多。</translation>
    </message>
    <message>
        <source>Add to the model library</source>
        <translation>加入模型库</translation>
    </message>
    <message>
        <source>Adds the result to your model library when the run ends. Off: it stays in the run&apos;s folder, as sweeps do with their trials.</source>
        <translation>训练结束时把结果加入模型库。关闭：结果留在训练的文件夹中，超参数扫描的试验就是这样做的。</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <source>Model and data</source>
        <translation>模型和数据</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>Batch and length</source>
        <translation>批次和长度</translation>
    </message>
    <message>
        <source>Evaluation and checkpoints</source>
        <translation>评估和检查点</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Target modules</source>
        <translation>目标模块</translation>
    </message>
    <message>
        <source>Which kinds of layer get an adapter, separated by commas (such as &quot;q_proj, v_proj&quot;), or &quot;all-linear&quot; for all of them. Empty: the usual attention layers of the model&apos;s family. More modules learn more and use more memory.</source>
        <translation>哪些种类的层加上适配器，用逗号分隔（如 &quot;q_proj, v_proj&quot;），或用 &quot;all-linear&quot; 表示全部。留空：该模型家族常用的注意力层。模块越多，学得越多，也越占内存。</translation>
    </message>
    <message>
        <source>Only these layers</source>
        <translation>仅这些层</translation>
    </message>
    <message>
        <source>The numbers of the layers whose target modules get an adapter, separated by commas (the first layer is 0). Empty: every layer. The upper layers alone often learn a style with less memory.</source>
        <translation>哪些层的目标模块加上适配器，填层号，用逗号分隔（第一层是 0）。留空：每一层。只用上面几层往往就能学会一种风格，且更省内存。</translation>
    </message>
    <message>
        <source>every layer</source>
        <translation>每一层</translation>
    </message>
    <message>
        <source>Mask private data</source>
        <translation>遮蔽隐私数据</translation>
    </message>
    <message>
        <source>Replaces e-mail addresses, phone, card and ID numbers in the examples with [EMAIL], [PHONE], [CARD] and [ID] as they are read, so the model never learns them. Your file is not changed.</source>
        <translation>读取样例时把电子邮件地址、电话、银行卡号和证件号替换为 [EMAIL]、[PHONE]、[CARD] 和 [ID]，使模型不会学到它们。你的文件不会被修改。</translation>
    </message>
</context>
<context>
    <name>llmos::RecipeForm</name>
    <message>
        <source>Open recipe…</source>
        <translation>打开配方…</translation>
    </message>
    <message>
        <source>Load a recipe file, as `llmos train` runs it.</source>
        <translation>加载一个配方文件，即 `llmos train` 所运行的文件。</translation>
    </message>
    <message>
        <source>Save recipe…</source>
        <translation>保存配方…</translation>
    </message>
    <message>
        <source>Save the recipe as a file that `llmos train` runs.</source>
        <translation>把配方保存为 `llmos train` 可以运行的文件。</translation>
    </message>
    <message>
        <source>Also kept from the loaded recipe, not checked here: %1.</source>
        <translation>另外保留了所加载配方中的这些项，此处不做检查：%1。</translation>
    </message>
    <message>
        <source>Required: choose a file or folder, or type its path.</source>
        <translation>必填：选择文件或文件夹，或输入其路径。</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The recipe is complete: `llmos train` can run it.</source>
        <translation>配方已完整：`llmos train` 可以运行它。</translation>
    </message>
    <message>
        <source>The recipe is not complete yet: %1</source>
        <translation>配方尚不完整：%1</translation>
    </message>
    <message>
        <source>Open a recipe</source>
        <translation>打开配方</translation>
    </message>
    <message>
        <source>Recipes (*.json)</source>
        <translation>配方 (*.json)</translation>
    </message>
    <message>
        <source>Save the recipe</source>
        <translation>保存配方</translation>
    </message>
</context>
<context>
    <name>llmos::RequestLogModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>密钥 %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
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
    <name>llmos::SearchApp</name>
    <message>
        <source>No model is registered yet. Import an embedding model (a sentence-transformers folder) on the Models page, or make the demo models.</source>
        <translation>尚未注册任何模型。请在“模型”页面导入嵌入模型（sentence-transformers 文件夹），或生成演示模型。</translation>
    </message>
    <message>
        <source>The file has no columns to read text from.</source>
        <translation>该文件没有可读取文本的列。</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>更多类似内容</translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s) from %1 document(s) indexed: %2 embedded, %3 kept from before.</source>
        <translation>
            <numerusform>已为 %1 个文档的 %n 个段落建立索引：新嵌入 %2 个，保留之前的 %3 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>Results for “%1”</source>
        <translation>“%1”的结果</translation>
    </message>
    <message>
        <source>Indexing stopped: %1</source>
        <translation>索引已停止：%1</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>A folder of text files to search</source>
        <translation>要搜索的文本文件夹</translation>
    </message>
    <message>
        <source>A table of texts to search</source>
        <translation>要搜索的文本表格</translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.jsonl);;All files (*)</source>
        <translation>表格 (*.csv *.tsv *.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1, column %2</source>
        <translation>%1，列 %2</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <source>Not indexed yet: choose a model and press Index.</source>
        <translation>尚未建立索引：请选择模型并点击“建立索引”。</translation>
    </message>
    <message numerus="yes">
        <source>An index of %n passage(s) is kept for this source; Index again to bring it up to date.</source>
        <translation>
            <numerusform>此来源已保存包含 %n 个段落的索引；再次建立索引可使其保持最新。</numerusform>
        </translation>
    </message>
    <message>
        <source>The kept index could not be read (%1); Index to make it again.</source>
        <translation>无法读取保存的索引（%1）；请重新建立索引。</translation>
    </message>
    <message>
        <source>Reading and embedding…</source>
        <translation>正在读取并嵌入…</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>未找到任何结果。</translation>
    </message>
    <message>
        <source>%1, row %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <source>similarity %1</source>
        <translation>相似度 %1</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>An embedding model turns each passage into a vector; a language model works too, less well.</source>
        <translation>嵌入模型把每个段落转换为向量；语言模型也可以，但效果较差。</translation>
    </message>
    <message>
        <source>Search in:</source>
        <translation>搜索范围：</translation>
    </message>
    <message>
        <source>no folder or table chosen</source>
        <translation>未选择文件夹或表格</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Table…</source>
        <translation>表格…</translation>
    </message>
    <message>
        <source>Column:</source>
        <translation>列：</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>建立索引</translation>
    </message>
    <message>
        <source>Embed the passages (only new or changed text when an index is kept)</source>
        <translation>嵌入段落（已有索引时只嵌入新增或更改的文本）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Ask in your own words; results are ranked by meaning, not by exact words</source>
        <translation>用自己的话提问；结果按含义而非字面匹配排序</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
</context>
<context>
    <name>llmos::ServerConfigPanel</name>
    <message>
        <source>The registered models could not be read: %1</source>
        <translation>无法读取已注册的模型：%1</translation>
    </message>
    <message>
        <source>Other computers may only use the server with an API key: make one under API keys, or serve this computer only.</source>
        <translation>其他计算机只能凭 API 密钥使用服务器：请在“API 密钥”中创建一个，或只为本机提供服务。</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Models only</source>
        <translation>仅模型</translation>
    </message>
    <message>
        <source>Fingerprint %1…</source>
        <translation>指纹 %1…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No models are registered yet: import one on the Models page, or build the demo models there.</source>
        <translation>尚未注册任何模型：请在“模型”页导入一个，或在那里构建演示模型。</translation>
    </message>
    <message>
        <source>Clients name a model by its registered name. Adapters are not listed: serve the model merged with one.</source>
        <translation>客户端按注册名称指定模型。适配器不在列表中：请部署与其合并后的模型。</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>密钥 %1</translation>
    </message>
    <message>
        <source>Remove API key</source>
        <translation>删除 API 密钥</translation>
    </message>
    <message>
        <source>Remove the key &quot;%1&quot;? Clients that use it will be refused from the next start of the server.</source>
        <translation>删除密钥“%1”？从服务器下次启动起，使用它的客户端将被拒绝。</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Limits and alerts</source>
        <translation>限制与警报</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>This computer only (127.0.0.1)</source>
        <translation>仅本机（127.0.0.1）</translation>
    </message>
    <message>
        <source>Other computers too (needs an API key)</source>
        <translation>也允许其他计算机（需要 API 密钥）</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>New key…</source>
        <translation>新建密钥…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Models offered</source>
        <translation>提供的模型</translation>
    </message>
    <message>
        <source>Every registered model</source>
        <translation>所有已注册的模型</translation>
    </message>
    <message>
        <source>Unload a model unused for:</source>
        <translation>模型闲置多久后卸载：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Most tokens per answer:</source>
        <translation>每次回答的最多词元数：</translation>
    </message>
    <message>
        <source>Alert when failed requests exceed:</source>
        <translation>失败请求超过此比例时警报：</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Alert when the first token takes over:</source>
        <translation>首个词元超过此时间时警报：</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Stop the server to change its address, keys and limits. Models can be switched on and off while it runs.</source>
        <translation>停止服务器后才能更改地址、密钥和限制。运行期间可以开关模型。</translation>
    </message>
</context>
<context>
    <name>llmos::ServerLivePanel</name>
    <message>
        <source>%1 / %2 ms</source>
        <translation>%1 / %2 毫秒</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>requests per second</source>
        <translation>每秒请求数</translation>
    </message>
    <message>
        <source>latency: median / slowest 5%</source>
        <translation>延迟：中位数 / 最慢的 5%</translation>
    </message>
    <message>
        <source>tokens per second</source>
        <translation>每秒词元数</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>first token, slowest 5%</source>
        <translation>首个词元，最慢的 5%</translation>
    </message>
    <message>
        <source>The last ten minutes</source>
        <translation>最近十分钟</translation>
    </message>
    <message>
        <source>minutes ago</source>
        <translation>分钟前</translation>
    </message>
    <message>
        <source>Requests (newest first; the figures cover the last minute)</source>
        <translation>请求（最新的在前；上方数字统计最近一分钟）</translation>
    </message>
</context>
<context>
    <name>llmos::ServerPage</name>
    <message>
        <source>The server did not start: %1</source>
        <translation>服务器未能启动：%1</translation>
    </message>
    <message>
        <source>more than %1% of the last minute&apos;s requests failed</source>
        <translation>最近一分钟内超过 %1% 的请求失败</translation>
    </message>
    <message>
        <source>the slowest 5% waited over %1 ms for their first token</source>
        <translation>最慢的 5% 请求等待首个词元超过 %1 毫秒</translation>
    </message>
    <message>
        <source>Alert: %1.</source>
        <translation>警报：%1。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Stop server</source>
        <translation>停止服务器</translation>
    </message>
    <message>
        <source>Start server</source>
        <translation>启动服务器</translation>
    </message>
    <message>
        <source>The server is stopped.</source>
        <translation>服务器已停止。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message numerus="yes">
        <source>Serving %n model(s) at %1/v1</source>
        <translation>
            <numerusform>正在 %1/v1 提供 %n 个模型</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping: requests in progress are cancelled…</source>
        <translation>正在停止：进行中的请求将被取消…</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Serve your models on this machine through an OpenAI-compatible API: any OpenAI client, curl or chat front end can use them. It listens on this computer only unless you choose otherwise, and then only clients with an API key are let in.</source>
        <translation>通过兼容 OpenAI 的 API 在本机提供你的模型：任何 OpenAI 客户端、curl 或聊天前端都能使用。默认只监听本机；若改为对外开放，则只允许持有 API 密钥的客户端访问。</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>复制地址</translation>
    </message>
</context>
<context>
    <name>llmos::ServerStatusIndicator</name>
    <message>
        <source>API server alert: %1</source>
        <translation>API 服务器警报：%1</translation>
    </message>
    <message>
        <source>API server: %1</source>
        <translation>API 服务器：%1</translation>
    </message>
    <message>
        <source>Too many requests failed in the last minute.</source>
        <translation>最近一分钟内失败的请求过多。</translation>
    </message>
    <message>
        <source>Answers were slow to start in the last minute.</source>
        <translation>最近一分钟内回答开始得太慢。</translation>
    </message>
    <message>
        <source>Show the Server page</source>
        <translation>显示“服务器”页</translation>
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
    <name>llmos::StreamMonitor</name>
    <message>
        <source>A file that grows</source>
        <translation>不断增长的文件</translation>
    </message>
    <message>
        <source>Streams (*.jsonl *.ndjson *.csv *.txt);;All files (*)</source>
        <translation>数据流 (*.jsonl *.ndjson *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No classifier is registered yet. Import one on the Models page.</source>
        <translation>尚未注册分类模型。请在“模型”页面导入一个。</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>New items were not classified: %1</source>
        <translation>新内容未能分类：%1</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>items</source>
        <translation>条</translation>
    </message>
    <message numerus="yes">
        <source>Alert: &quot;%1&quot; is %2% of the last %n item(s), above %3%</source>
        <translation>
            <numerusform>警报：在最近 %n 条中“%1”占 %2%，超过 %3%</numerusform>
        </translation>
    </message>
    <message>
        <source>No alert</source>
        <translation>无警报</translation>
    </message>
    <message numerus="yes">
        <source>Watching: %n item(s) so far</source>
        <translation>
            <numerusform>监视中：目前 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %n item(s)</source>
        <translation>
            <numerusform>已停止：%n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable line(s) left out</source>
        <translation>
            <numerusform>%n 行无法读取，已略过</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>开始监视</translation>
    </message>
    <message>
        <source>Classifier:</source>
        <translation>分类模型：</translation>
    </message>
    <message>
        <source>Text field:</source>
        <translation>文本字段：</translation>
    </message>
    <message>
        <source>Alert when the label</source>
        <translation>当标签</translation>
    </message>
    <message>
        <source>label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>is above </source>
        <translation>超过 </translation>
    </message>
    <message>
        <source>of the last </source>
        <translation>（最近 </translation>
    </message>
    <message>
        <source> items</source>
        <translation> 条）</translation>
    </message>
    <message>
        <source>Items by label</source>
        <translation>各标签的条数</translation>
    </message>
    <message>
        <source>A folder where new files arrive</source>
        <translation>新文件出现的文件夹</translation>
    </message>
    <message>
        <source>A JSON Lines, CSV or text file that grows, or a folder where text files arrive</source>
        <translation>不断增长的 JSON Lines、CSV 或文本文件，或不断有文本文件出现的文件夹</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
</context>
<context>
    <name>llmos::SweepDesigner</name>
    <message>
        <source>Sweep name</source>
        <translation>扫描名称</translation>
    </message>
    <message>
        <source>sweep</source>
        <translation>sweep</translation>
    </message>
    <message>
        <source>Base recipe from a file…</source>
        <translation>从文件选择基础配方…</translation>
    </message>
    <message>
        <source>Every trial starts from this recipe and changes only the parameters below.</source>
        <translation>每个试验都从这个配方出发，只改变下面列出的参数。</translation>
    </message>
    <message>
        <source>Parameters to vary</source>
        <translation>要变化的参数</translation>
    </message>
    <message>
        <source>Add parameter</source>
        <translation>添加参数</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Open sweep…</source>
        <translation>打开扫描…</translation>
    </message>
    <message>
        <source>Save sweep…</source>
        <translation>保存扫描…</translation>
    </message>
    <message>
        <source>Launch sweep</source>
        <translation>启动扫描</translation>
    </message>
    <message>
        <source>Starts the trials; the sweep&apos;s progress shows under Jobs.</source>
        <translation>开始运行试验；扫描进度显示在“任务”中。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Choose the base recipe first: the recipe every trial starts from.</source>
        <translation>请先选择基础配方：每个试验都从它出发。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Only these methods read it: %1; the sweep tries none of them.</source>
        <translation>只有这些方法使用它：%1；而本次扫描一个也没有尝试。</translation>
    </message>
    <message>
        <source>The base recipe&apos;s method sets %1, which %2 does not read: add %1 as a parameter too, or take it out of the recipe.</source>
        <translation>基础配方的方法设置了%1，而 %2 不使用它：请把%1也添加为参数，或从配方中去掉它。</translation>
    </message>
    <message>
        <source>Add at least one parameter to vary.</source>
        <translation>请至少添加一个要变化的参数。</translation>
    </message>
    <message>
        <source>In the base recipe, %1 %2</source>
        <translation>基础配方中，%1 %2</translation>
    </message>
    <message>
        <source>The sweep is complete: `llmos sweep` can run it.</source>
        <translation>扫描已完整：`llmos sweep` 可以运行它。</translation>
    </message>
    <message>
        <source>No base recipe yet.</source>
        <translation>还没有基础配方。</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n 步</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n epoch(s)</source>
        <translation>
            <numerusform>%n 轮</numerusform>
        </translation>
    </message>
    <message>
        <source>Base recipe: %1 on %2, %3, %4</source>
        <translation>基础配方：%1，数据 %2，%3，%4</translation>
    </message>
    <message>
        <source>The sweep is not complete yet: %1</source>
        <translation>扫描尚不完整：%1</translation>
    </message>
    <message>
        <source>Choose the base recipe</source>
        <translation>选择基础配方</translation>
    </message>
    <message>
        <source>Recipes (*.json)</source>
        <translation>配方 (*.json)</translation>
    </message>
    <message>
        <source>Base recipe: %1.</source>
        <translation>基础配方：%1。</translation>
    </message>
    <message>
        <source>Open a sweep</source>
        <translation>打开扫描</translation>
    </message>
    <message>
        <source>Sweeps (*.json)</source>
        <translation>扫描 (*.json)</translation>
    </message>
    <message>
        <source>Save the sweep</source>
        <translation>保存扫描</translation>
    </message>
</context>
<context>
    <name>llmos::SweepEstimateText</name>
    <message numerus="yes">
        <source>%n trial(s); the estimate follows once the sweep is complete.</source>
        <translation>
            <numerusform>%n 个试验；扫描设置完整后给出估算。</numerusform>
        </translation>
    </message>
    <message>
        <source>The estimate follows once the sweep is complete.</source>
        <translation>扫描设置完整后给出估算。</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message numerus="yes">
        <source>%n trial(s). Steps per trial are not known yet: the recipe trains by epochs.</source>
        <translation>
            <numerusform>%n 个试验。每个试验的步数尚不清楚：配方按轮数训练。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trial(s) × %1 steps = %2 training steps at most.</source>
        <translation>
            <numerusform>%n 个试验 × %1 步 = 最多 %2 个训练步。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping weak trials early: about %1 steps (%2% of that) if results come in no particular order; a strategy that learns finds more trials worth going on.</source>
        <translation>提前停止较差的试验：若结果以随机顺序出现，约需 %1 步（为上述的 %2%）；会学习的策略会发现更多值得继续的试验。</translation>
    </message>
    <message>
        <source>Median stopping saves what the results allow; it cannot be told in advance.</source>
        <translation>中位数停止能省多少取决于结果，无法事先估计。</translation>
    </message>
    <message>
        <source>About %1 at %2 s per step, one trial at a time (trials side by side share the machine).</source>
        <translation>按每步 %2 秒、一次一个试验计算，约需 %1（并行的试验会共享这台机器）。</translation>
    </message>
    <message>
        <source>The time limit (%1) ends it sooner.</source>
        <translation>时间上限（%1）会让它更早结束。</translation>
    </message>
</context>
<context>
    <name>llmos::SweepParameterModel</name>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Whole</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>Decimal</source>
        <translation>小数</translation>
    </message>
    <message>
        <source>Kept from the sweep file as it was: %1</source>
        <translation>按扫描文件原样保留：%1</translation>
    </message>
    <message>
        <source>Values to try, separated by commas, from: %1</source>
        <translation>要尝试的取值，用逗号分隔，可选：%1</translation>
    </message>
    <message>
        <source>Values to try, separated by commas.</source>
        <translation>要尝试的取值，用逗号分隔。</translation>
    </message>
    <message>
        <source>Log spreads the draws evenly over powers of ten: as many between 0.0001 and 0.001 as between 0.001 and 0.01. Use it for learning rates and other values that span several powers of ten.</source>
        <translation>对数刻度会在各个数量级上均匀抽样：0.0001 到 0.001 之间与 0.001 到 0.01 之间抽到的一样多。适用于学习率等跨越好几个数量级的值。</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Try</source>
        <translation>尝试方式</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>刻度</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>数值类型</translation>
    </message>
    <message>
        <source>Enter where the range starts and ends.</source>
        <translation>请输入范围的起点和终点。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number.</source>
        <translation>“%1”不是整数。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number.</source>
        <translation>“%1”不是数字。</translation>
    </message>
    <message>
        <source>Enter at least one value; separate values with commas.</source>
        <translation>请至少输入一个值；多个值之间用逗号分隔。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither true nor false.</source>
        <translation>“%1”既不是 true 也不是 false。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of: %2.</source>
        <translation>“%1”不是以下之一：%2。</translation>
    </message>
    <message>
        <source>This setting cannot be varied by a sweep.</source>
        <translation>扫描不能改变这个设置。</translation>
    </message>
</context>
<context>
    <name>llmos::SweepSettingsPanel</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <source>Goal and budget</source>
        <translation>目标和预算</translation>
    </message>
    <message>
        <source>Grid: every combination</source>
        <translation>网格：所有组合</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>TPE: learns from results</source>
        <translation>TPE：从结果中学习</translation>
    </message>
    <message>
        <source>None: every trial to the end</source>
        <translation>不停止：每个试验都训练到底</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>ASHA</source>
        <translation>ASHA</translation>
    </message>
    <message>
        <source>Hyperband</source>
        <translation>Hyperband</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Macro F1</source>
        <translation>宏 F1</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>越低越好</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>越高越好</translation>
    </message>
    <message>
        <source>the recipe&apos;s maximum steps</source>
        <translation>配方的最大步数</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Random trials first</source>
        <translation>先做的随机试验数</translation>
    </message>
    <message>
        <source>Candidates per trial</source>
        <translation>每次试验的候选数</translation>
    </message>
    <message>
        <source>Share counted as good</source>
        <translation>视为优良的比例</translation>
    </message>
    <message>
        <source>Stop weak trials</source>
        <translation>停止较差的试验</translation>
    </message>
    <message>
        <source>First check (steps)</source>
        <translation>首次检查（步）</translation>
    </message>
    <message>
        <source>Trial length (steps)</source>
        <translation>试验长度（步）</translation>
    </message>
    <message>
        <source>Keep 1 in</source>
        <translation>每几个保留 1 个</translation>
    </message>
    <message>
        <source>Finished trials first</source>
        <translation>需先完成的试验数</translation>
    </message>
    <message>
        <source>Not before step</source>
        <translation>不早于第几步</translation>
    </message>
    <message>
        <source>Optimise</source>
        <translation>优化目标</translation>
    </message>
    <message>
        <source>Better is</source>
        <translation>更好的是</translation>
    </message>
    <message>
        <source>Trials</source>
        <translation>试验数</translation>
    </message>
    <message>
        <source>At once</source>
        <translation>同时运行</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>时间上限</translation>
    </message>
    <message>
        <source>The same seed gives the same sequence of trials.</source>
        <translation>相同的种子会得到相同的试验序列。</translation>
    </message>
    <message>
        <source>TPE draws this many trials at random before it learns from the results.</source>
        <translation>TPE 先随机抽取这么多个试验，然后才开始从结果中学习。</translation>
    </message>
    <message>
        <source>TPE draws this many values per parameter and keeps the most promising one.</source>
        <translation>TPE 每个参数抽取这么多个值，保留最有希望的一个。</translation>
    </message>
    <message>
        <source>The share of trials TPE counts as good when it learns where good settings lie.</source>
        <translation>TPE 学习好设置所在区域时，视为“好”的试验所占的比例。</translation>
    </message>
    <message>
        <source>The first point where weak trials are stopped, in optimizer steps. When the learning rate is searched, put it at a third of the training or later: high learning rates start slowly and finish well.</source>
        <translation>第一次停止较差试验的位置，以优化器步数计。搜索学习率时，请把它设在训练的三分之一处或更晚：较高的学习率起步慢，但最终效果好。</translation>
    </message>
    <message>
        <source>How long a trial trains, in optimizer steps; checks lie below it.</source>
        <translation>每个试验训练多久，以优化器步数计；检查点都在它之前。</translation>
    </message>
    <message>
        <source>At each check only the best 1 in this many trials go on, and checks lie this many times apart. 3 is the usual choice.</source>
        <translation>每次检查时，每这么多个试验中只有最好的 1 个继续，检查点之间也相隔这么多倍。通常取 3。</translation>
    </message>
    <message>
        <source>Nothing is stopped before this many trials have finished.</source>
        <translation>在这么多个试验完成之前不停止任何试验。</translation>
    </message>
    <message>
        <source>Nothing is stopped before this step.</source>
        <translation>在这一步之前不停止任何试验。</translation>
    </message>
    <message>
        <source>The evaluation result a trial is judged by. Accuracy and macro F1 need a classification task.</source>
        <translation>评判试验所用的评估指标。准确率和宏 F1 需要分类任务。</translation>
    </message>
    <message>
        <source>How many trials to run at most. For a grid, the number of combinations.</source>
        <translation>最多运行多少个试验。网格搜索为组合的数量。</translation>
    </message>
    <message>
        <source>Trials that train at the same time; they share the machine.</source>
        <translation>同时训练的试验数；它们共享这台机器。</translation>
    </message>
    <message>
        <source>When it is spent, no new trial starts and the running ones stop.</source>
        <translation>时间用完后，不再启动新试验，正在运行的试验也会停止。</translation>
    </message>
    <message>
        <source>Tries every combination of the values listed, in order. Thorough, but the count multiplies with each parameter: best for two or three parameters with a few values each.</source>
        <translation>按顺序尝试所列值的每一种组合。很全面，但数量随参数个数成倍增长：最适合两三个参数、每个只有几个取值的情况。</translation>
    </message>
    <message>
        <source>Starts with random trials, then learns from their results where good settings lie and tries more there. Usually finds good settings in fewer trials than random search.</source>
        <translation>先做随机试验，再从结果中学习好的设置在哪里，并在那附近多做尝试。通常比随机搜索用更少的试验找到好设置。</translation>
    </message>
    <message>
        <source>Draws each trial&apos;s settings at random from the values and ranges. A strong start when there are many parameters and few trials.</source>
        <translation>从给定的值和范围中随机抽取每个试验的设置。参数多、试验少时是很好的起点。</translation>
    </message>
    <message>
        <source>Stops a trial whose results fall behind the middle of the finished trials at the same step. Needs evaluations during training (the recipe&apos;s evaluate every).</source>
        <translation>当某个试验在同一步的结果落后于已完成试验的中位数时停止它。需要在训练中评估（配方中的“评估间隔”）。</translation>
    </message>
    <message>
        <source>Checks the trials at a few points (rungs); at each only the best of them go on. Saves most of the compute, but can stop slow starters too early.</source>
        <translation>在几个检查点（rung）检查试验，每次只有最好的那些继续。能省下大部分计算，但可能过早停止起步慢的试验。</translation>
    </message>
    <message>
        <source>Runs several ASHA schedules side by side, from strict to none, so slow starters still get a chance to finish.</source>
        <translation>并行运行几套 ASHA 方案，从严格到完全不停止，让起步慢的试验也有机会完成。</translation>
    </message>
    <message>
        <source>Every trial trains to the end.</source>
        <translation>每个试验都训练到结束。</translation>
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
<context>
    <name>llmos::TrainablePicker</name>
    <message>
        <source>The counts follow when the model and the method&apos;s settings are valid.</source>
        <translation>模型和方法的设置有效后，这里会显示统计。</translation>
    </message>
    <message>
        <source>Choose a model to see what the method trains.</source>
        <translation>选择一个模型，即可看到该方法训练哪些部分。</translation>
    </message>
    <message>
        <source>Cannot count what trains: %1</source>
        <translation>无法统计训练的部分：%1</translation>
    </message>
    <message>
        <source>Layer %1: %2 parameters, %3 trained</source>
        <translation>第 %1 层：%2 个参数，训练 %3 个</translation>
    </message>
    <message>
        <source>What trains</source>
        <translation>训练哪些部分</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>训练的</translation>
    </message>
    <message>
        <source>Tick the modules that get an adapter, and the layers that get them.</source>
        <translation>勾选加上适配器的模块，以及加上适配器的层。</translation>
    </message>
    <message>
        <source>Layers with adapters:</source>
        <translation>带适配器的层：</translation>
    </message>
    <message>
        <source>Untick a module to freeze it. Click a layer to freeze it and the layers below it.</source>
        <translation>取消勾选一个模块即可冻结它。点击一层即可冻结它和它下面的各层。</translation>
    </message>
    <message>
        <source>Trained layers (the first ones are frozen):</source>
        <translation>训练的层（最前面的几层被冻结）：</translation>
    </message>
    <message>
        <source>This method decides what trains; the counts show where it is.</source>
        <translation>此方法自行决定训练哪些部分；统计显示它们在哪里。</translation>
    </message>
    <message>
        <source>Layers that train:</source>
        <translation>训练的层：</translation>
    </message>
    <message>
        <source>Trains %1 of %2 parameters (%3 %).</source>
        <translation>训练 %2 个参数中的 %1 个（%3%）。</translation>
    </message>
    <message>
        <source>A run needs about %1 of memory (weights %2, gradients and optimizer %3, activations %4); %5 is free for it now.</source>
        <translation>一次运行约需 %1 内存（权重 %2，梯度和优化器 %3，激活 %4）；现在可用 %5。</translation>
    </message>
</context>
</TS>
