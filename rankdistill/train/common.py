"""What the trainers share, one module per job; this module names them all, as algorithms and plug-ins import
them (``from rankdistill.train import common``; ``common.Algorithm``, ``common.fit``):

  algorithm.py  the registry entry (Algorithm), its settings' base classes, the TrainJob it is handed
  config.py     its config's fields from the recipe; the checks of train.args before any work
  loading.py    the student with a trainable adapter, its device, bf16
  lm_head.py    TRL's fused LM head on CPU (labelled positions only, logits kept for the backward)
  trainer.py    the Trainer skeleton (fit) and a Trainer for a loss of our own (loss_trainer)
  lists.py      prefs/lists batches for the listwise losses
  reward.py     the judge as a reward function (GRPO, PPO)
  memory.py     peak memory

What is left in each ``train/<name>.py`` is its algorithm: its settings, the data it trains on, and its loss or
its trainer class. Adding one is adding such a file (``ALGORITHM = Algorithm(...)``; train.ALGORITHMS finds it).
"""

from .algorithm import (  # noqa: F401
    DEFAULT_MAX_LENGTH,
    REF_ADAPTER,
    TRAIN_FIELDS,
    Algorithm,
    AlgorithmSettings,
    ReferencePolicySettings,
    TrainJob,
    check_algorithm,
)
from .config import (  # noqa: F401
    OWNED,
    base_config_kwargs,
    check_config_args,
)
from .lists import (  # noqa: F401
    encode_lists,
    lists_dataset,
)
from .lm_head import (  # noqa: F401
    DENSE_LOGITS_MAX,
    DENSE_TILE,
    dense_logprobs,
    score_labelled_positions_only,
)
from .loading import (  # noqa: F401
    load_trainable,
    model_device,
    on_device,
    wants_bf16,
)
from .memory import (  # noqa: F401
    PeakMemory,
)
from .reward import (  # noqa: F401
    JudgeReward,
    RewardMode,
    rank_rewards,
    reward_tally,
)
from .trainer import (  # noqa: F401
    fit,
    loss_trainer,
    progress_callback,
    run_trainer,
    save_adapter,
)
