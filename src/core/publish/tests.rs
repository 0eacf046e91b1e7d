use super::*;

#[test]
fn cells_cover_the_box_without_gaps() {
    let utrecht = GeoPoint {
        lat: 52.0907,
        lon: 5.1214,
    };
    for z in 0..=MAX_LEVEL {
        let cell = Cell::of(utrecht, z).expect("inside");
        assert!(cell.is_valid());
        assert!(cell.area().contains(utrecht), "level {z}");
        if z > 0 {
            let parent = Cell::of(utrecht, z - 1).expect("inside");
            assert!(parent.children().contains(&cell));
        }
    }
    let corner = GeoPoint {
        lat: LAT_RANGE.1,
        lon: LON_RANGE.1,
    };
    let cell = Cell::of(corner, 3).expect("the far corner is inside");
    assert_eq!((cell.x, cell.y), (7, 7));
    assert!(Cell::of(
        GeoPoint {
            lat: 40.0,
            lon: 5.0
        },
        3
    )
    .is_none());
}

#[test]
fn area_distance_is_zero_inside_and_never_more_than_to_a_point() {
    let cell = Cell { z: 4, x: 7, y: 6 };
    let area = cell.area();
    let inside = GeoPoint {
        lat: (area.south + area.north) / 2.0,
        lon: (area.west + area.east) / 2.0,
    };
    assert_eq!(area.distance_km(inside), 0.0);
    let home = GeoPoint {
        lat: area.north + 0.1,
        lon: area.east + 0.1,
    };
    let d = area.distance_km(home);
    assert!(d > 0.0);
    for point in [
        inside,
        GeoPoint {
            lat: area.north,
            lon: area.east,
        },
    ] {
        assert!(home.distance_km(point) >= d - 1e-9);
    }
}

#[test]
fn freshness_turns_after_fourteen_days() {
    let published = time::macros::date!(2026 - 12 - 03);
    assert_eq!(freshness(published, published), Freshness::Fresh);
    assert_eq!(
        freshness(published, time::macros::date!(2026 - 12 - 17)),
        Freshness::Fresh
    );
    assert_eq!(
        freshness(published, time::macros::date!(2026 - 12 - 18)),
        Freshness::Stale { days: 15 }
    );
    assert_eq!(
        freshness(published, time::macros::date!(2026 - 12 - 01)),
        Freshness::Fresh
    );
}

#[test]
fn file_names_are_checked() {
    assert!(safe_file_name(
        "shards/5-12-7-0123456789abcdef.json",
        "shards"
    ));
    assert!(!safe_file_name(
        "shards/../x-0123456789abcdef.json",
        "shards"
    ));
    assert!(!safe_file_name(
        "https://x/shards/a-0123456789abcdef.json",
        "shards"
    ));
    assert!(!safe_file_name("shards/a-0123456789ABCDEF.json", "shards"));
    assert!(!safe_file_name("texts/a-0123456789abcdef.json", "shards"));
    assert!(!safe_file_name("shards/-0123456789abcdef.json", "shards"));
}
