#pragma once

namespace llmos::serve {

class ApiRouter;
class ModelPool;
struct InferenceLimits;

// The endpoints of encoder models beyond /v1/embeddings (inference keys):
//   POST /v1/rerank    {model, query, documents, top_n?, return_documents?}: the documents
//                      ordered by relevance to the query, as Jina's and Cohere's rerank
//                      APIs answer ({results: [{index, relevance_score, document}]}). With a
//                      cross-encoder (a sequence classifier with one label): the sigmoid of
//                      its logit for each (query, document) pair, read together; with an
//                      embedding model (a bi-encoder): the cosine of the query's and each
//                      document's embedding.
//   POST /v1/classify  {model, input}: a sequence classifier's label and per-label
//                      probabilities for each text, in vLLM's shape
//                      ({data: [{index, label, probs, num_classes}]}).
void addEncoderRoutes(ApiRouter &router, ModelPool &models, const InferenceLimits &limits);

} // namespace llmos::serve
