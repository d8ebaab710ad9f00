/// The shop's intake checklist, in the order of S000 四.1: 驾驶室 · 工作台 · 门 · 上架 · 下架 · 发动机 · 黄油嘴.
enum Checklist {
    struct Item {
        let area: String
        let item: String
        let checkPoints: String
    }

    static let items: [Item] = [
        Item(area: "驾驶室", item: "刹车", checkPoints: "踏板齐全、无损坏，行程高度合适达标"),
        Item(area: "驾驶室", item: "离合", checkPoints: "踏板齐全、无损坏，行程高度合适达标"),
        Item(area: "驾驶室", item: "油门", checkPoints: "油门踏板、手油门齐全，行程合适"),
        Item(area: "驾驶室", item: "操纵杆", checkPoints: "先导手柄、行走操纵杆齐全无损坏，行程合适"),
        Item(area: "工作台", item: "仪表", checkPoints: "仪表、显示器工作正常，无报警"),
        Item(area: "工作台", item: "音响", checkPoints: "收音机、音响工作正常"),
        Item(area: "工作台", item: "异响", checkPoints: "室内有无不正常声音"),
        Item(area: "工作台", item: "贵重物品", checkPoints: "室内有无贵重物品，已当面登记"),
        Item(area: "门", item: "开启", checkPoints: "开启关闭平顺，门锁正常"),
        Item(area: "门", item: "内外饰", checkPoints: "内外部有无损坏"),
        Item(area: "门", item: "玻璃", checkPoints: "前挡、侧窗、天窗玻璃完好"),
        Item(area: "上架", item: "大臂", checkPoints: "有无裂纹、变形、漆面破损"),
        Item(area: "上架", item: "小臂", checkPoints: "有无裂纹、变形、漆面破损"),
        Item(area: "上架", item: "挖斗", checkPoints: "斗齿、侧刃齐全，有无开焊、磨穿"),
        Item(area: "上架", item: "液压油缸", checkPoints: "有无漏油、缸杆拉伤"),
        Item(area: "上架", item: "阀", checkPoints: "主阀、先导阀有无漏油"),
        Item(area: "上架", item: "泵", checkPoints: "主泵有无漏油、异响"),
        Item(area: "上架", item: "管路", checkPoints: "胶管、钢管有无漏油、磨损"),
        Item(area: "上架", item: "附件盖板标签", checkPoints: "附件、盖板、标签完整正常"),
        Item(area: "下架", item: "行驶", checkPoints: "行走正常，有无跑偏、异响、漏油"),
        Item(area: "下架", item: "旋转", checkPoints: "回转正常，有无异响、漏油"),
        Item(area: "下架", item: "履带", checkPoints: "履带及四轮一带完整，有无漏油"),
        Item(area: "发动机", item: "缺件", checkPoints: "有无缺件"),
        Item(area: "发动机", item: "工作状况", checkPoints: "启动、怠速、加速正常，无异响、冒烟"),
        Item(area: "发动机", item: "油料储位", checkPoints: "机油、燃油、液压油、冷却液是否达标，注明储位"),
        Item(area: "黄油嘴", item: "齐全可用", checkPoints: "各润滑点黄油嘴齐全完整，能否注油"),
    ]
}
